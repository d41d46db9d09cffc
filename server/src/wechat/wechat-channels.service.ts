import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UUID_PATTERN } from '../common/ids';
import { isUniqueViolation } from '../database/errors';
import { Transactor } from '../database/transactor';
import type { Staff } from '../staff/staff.entity';
import { CreateWeChatChannelDto, UpdateWeChatChannelDto } from './dto/wechat-channel.dto';
import { WeChatChannelEntity } from './wechat-channel.entity';
import { WeChatErrors } from './wechat.errors';

/** The WeChat identity channel of an account's followers: OpenIDs are per account. */
export const identityChannel = (appId: string) => `wechat:${appId}`;

/** Connected Official Accounts: admins connect, edit and disconnect them (the controller checks the role). */
@Injectable()
export class WeChatChannelsService {
  private readonly logger = new Logger(WeChatChannelsService.name);

  constructor(
    @InjectRepository(WeChatChannelEntity) private readonly channels: Repository<WeChatChannelEntity>,
    private readonly tx: Transactor,
  ) {}

  list(): Promise<WeChatChannelEntity[]> {
    return this.channels.find({ order: { createdAt: 'ASC' } });
  }

  async create(input: CreateWeChatChannelDto, actor: Staff): Promise<WeChatChannelEntity> {
    const id = await this.uniqueAppId(() =>
      this.tx.run(async (m) => {
        if (await m.existsBy(WeChatChannelEntity, { appId: input.appId })) throw WeChatErrors.appIdTaken();
        const { identifiers } = await m.insert(WeChatChannelEntity, {
          name: input.name,
          appId: input.appId,
          appSecret: input.appSecret,
          token: input.token,
          encodingAesKey: input.encodingAesKey || null,
          active: true,
        });
        return identifiers[0].id as string;
      }),
    );
    // Never the secrets, not even their length.
    this.logger.log({ msg: 'WeChat account connected', channelId: id, appId: input.appId, by: actor.id });
    return this.get(id);
  }

  async update(id: string, input: UpdateWeChatChannelDto, actor: Staff): Promise<WeChatChannelEntity> {
    await this.get(id);
    const changes: Partial<WeChatChannelEntity> = {
      name: input.name,
      appSecret: input.appSecret,
      token: input.token,
      encodingAesKey: input.encodingAesKey === undefined ? undefined : input.encodingAesKey || null,
      active: input.active,
    };
    // A new AppSecret makes the cached access token someone else's: fetch a new one next time.
    if (input.appSecret !== undefined) Object.assign(changes, { accessToken: null, accessTokenExpiresAt: null });
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length) await this.tx.run((m) => m.update(WeChatChannelEntity, { id }, defined));
    this.logger.log({ msg: 'WeChat account updated', channelId: id, fields: Object.keys(input), by: actor.id });
    return this.get(id);
  }

  async get(id: string): Promise<WeChatChannelEntity> {
    const channel = UUID_PATTERN.test(id) ? await this.channels.findOneBy({ id }) : null;
    if (!channel) throw WeChatErrors.channelNotFound();
    return channel;
  }

  /** The account a callback is for, connected or not; null when there is none (the callback checks its signature first). */
  async find(id: string): Promise<WeChatChannelEntity | null> {
    return UUID_PATTERN.test(id) ? this.channels.findOneBy({ id }) : null;
  }

  private async uniqueAppId<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      // Two admins connecting the same account at once on PostgreSQL: the unique index decides.
      if (isUniqueViolation(err)) throw WeChatErrors.appIdTaken();
      throw err;
    }
  }
}
