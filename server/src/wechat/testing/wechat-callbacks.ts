import { createCipheriv, randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { WeChatCipher, wechatSignature } from '../wechat-crypto';

export type TestChannel = { id: string; appId: string; token: string; encodingAesKey?: string };

export const TEST_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

let accounts = 0;

/** Connects an account as the admin (a fresh AppID each time). */
export async function connectChannel(admin: TestAgent, options: { encodingAesKey?: string; appSecret?: string } = {}): Promise<TestChannel> {
  const appId = `wx${String(++accounts).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
  const body = { name: `测试服务号 ${accounts}`, appId, appSecret: options.appSecret ?? 'fakesecret', token: 'hearthtest', ...options };
  const res = await admin.post('/api/channels/wechat').send(body).expect(201);
  return { id: res.body.id, appId, token: body.token, encodingAesKey: options.encodingAesKey };
}

/** A text message as WeChat writes it (values in CDATA). */
export function textXml(openId: string, content: string, msgId: string, createTime = Math.floor(Date.now() / 1000)): string {
  return messageXml(openId, { MsgType: 'text', Content: content, MsgId: msgId }, createTime);
}

export function messageXml(openId: string, fields: Record<string, string>, createTime = Math.floor(Date.now() / 1000)): string {
  const parts = Object.entries(fields).map(([k, v]) => (/^\d+$/.test(v) ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`));
  return `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName><CreateTime>${createTime}</CreateTime>${parts.join('')}</xml>`;
}

/** The query WeChat adds: signature over token, timestamp and nonce. */
export function signedQuery(token: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const nonce = randomBytes(5).toString('hex');
  return { signature: wechatSignature(token, timestamp, nonce), timestamp, nonce };
}

/** A safe-mode body and query for this plaintext XML (or a ciphertext given as is). */
export function encrypted(channel: TestChannel, xml: string, ciphertext?: string): { query: Record<string, string>; body: string } {
  const encrypt = ciphertext ?? new WeChatCipher(channel.encodingAesKey!, channel.appId).encrypt(xml);
  const query = signedQuery(channel.token);
  return {
    query: { ...query, encrypt_type: 'aes', msg_signature: wechatSignature(channel.token, query.timestamp, query.nonce, encrypt) },
    body: `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
  };
}

/** AES-256-CBC over exactly these bytes (no padding added), to forge bad plaintexts. */
export function rawAes(encodingAesKey: string, plain: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}
