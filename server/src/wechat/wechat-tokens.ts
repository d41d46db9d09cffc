import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import { WeChatApi, WeChatResult } from './wechat-api';
import { WeChatChannelEntity } from './wechat-channel.entity';

/** A token this close to its expiry is replaced before use. */
const EARLY_MS = 5 * 60_000;

/** The access token could not be had: WeChat refused (errcode) the AppID/AppSecret or the server's address. */
export class WeChatTokenRefused extends Error {
  constructor(readonly result: WeChatResult) {
    super(`token refused: errcode ${result.errcode}`);
  }
}

/**
 * One cached access token per account, kept on the account's row so every instance shares it.
 * Fetching a new token invalidates the old one (after a short overlap), so it is fetched only when
 * the cached one is missing, near expiry or refused, and at most once at a time per account here.
 */
@Injectable()
export class WeChatTokens {
  private readonly refreshing = new Map<string, Promise<string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly api: WeChatApi,
  ) {}

  async get(channelId: string): Promise<string> {
    const channel = await this.dataSource.getRepository(WeChatChannelEntity).findOneByOrFail({ id: channelId });
    if (channel.accessToken && channel.accessTokenExpiresAt && channel.accessTokenExpiresAt.getTime() - EARLY_MS > Date.now()) return channel.accessToken;
    let pending = this.refreshing.get(channelId);
    if (!pending) {
      pending = this.refresh(channel).finally(() => this.refreshing.delete(channelId));
      this.refreshing.set(channelId, pending);
    }
    return pending;
  }

  /** WeChat refused this token: forget it (unless another refresh already replaced it). */
  async invalidate(channelId: string, token: string): Promise<void> {
    await this.tx.run((m) =>
      rawSql(m, 'UPDATE wechat_channels SET access_token = NULL, access_token_expires_at = NULL WHERE id = $1 AND access_token = $2', [channelId, token]),
    );
  }

  /**
   * Fetches a new token, unless another refresh (here or on another instance) already stored a good
   * one. On PostgreSQL the account's row is locked while fetching, so instances refresh one at a
   * time and each next one finds the new token instead of fetching (and so invalidating) another.
   * SQLite means one instance, and the map in get() already makes it one refresh at a time.
   */
  private async refresh(channel: WeChatChannelEntity): Promise<string> {
    if (this.dataSource.options.type !== 'postgres') return this.fetchAndStore(this.dataSource.manager, channel);
    return this.tx.run(async (m) => {
      const [row] = await rawSql<{ access_token: string | null; access_token_expires_at: Date | null }[]>(
        m,
        'SELECT access_token, access_token_expires_at FROM wechat_channels WHERE id = $1 FOR UPDATE',
        [channel.id],
      );
      if (row?.access_token && row.access_token_expires_at && new Date(row.access_token_expires_at).getTime() - EARLY_MS > Date.now()) return row.access_token;
      return this.fetchAndStore(m, channel);
    });
  }

  private async fetchAndStore(m: EntityManager, channel: WeChatChannelEntity): Promise<string> {
    const result = await this.api.fetchToken(channel.appId, channel.appSecret);
    if (!('accessToken' in result)) throw new WeChatTokenRefused(result);
    const expiresAt = new Date(Date.now() + result.expiresIn * 1000);
    const store = (w: EntityManager) =>
      rawSql(w, 'UPDATE wechat_channels SET access_token = $1, access_token_expires_at = $2 WHERE id = $3', [result.accessToken, expiresAt, channel.id]);
    if (m === this.dataSource.manager) await this.tx.run(store);
    else await store(m);
    return result.accessToken;
  }
}
