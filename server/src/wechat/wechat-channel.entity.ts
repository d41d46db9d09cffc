import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';

/**
 * A connected WeChat Official Account. The secrets (AppSecret, Token, EncodingAESKey) are kept in
 * plain columns at this stage (see the README's security notes); they never leave the server and
 * are never logged. The access token cache lives here too, so every instance shares one token.
 */
@Entity('wechat_channels')
export class WeChatChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @Column({ name: 'app_id', type: 'varchar', length: 32, unique: true })
  appId!: string;

  @Column({ name: 'app_secret', type: 'varchar', length: 128 })
  appSecret!: string;

  @Column({ type: 'varchar', length: 32 })
  token!: string;

  /** Set: safe mode (messages arrive AES-encrypted). Null: plain mode. */
  @Column({ name: 'encoding_aes_key', type: 'varchar', length: 43, nullable: true })
  encodingAesKey!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'access_token', type: 'varchar', length: 512, nullable: true })
  accessToken!: string | null;

  @TimestampColumn({ name: 'access_token_expires_at', nullable: true })
  accessTokenExpiresAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
