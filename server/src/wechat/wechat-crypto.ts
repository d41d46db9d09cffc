import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { WeChatErrors } from './wechat.errors';

/** Block size of WeChat's PKCS#7 padding: 32, not AES's 16 (so Node's own padding check cannot be used). */
const PAD_BLOCK = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** WeChat's signature: SHA-1 hex of the parts sorted in dictionary order and joined with nothing between. */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** A SHA-1 in hex: what a `signature` or `msg_signature` must look like before it is compared. */
const SHA1_HEX = /^[0-9a-f]{40}$/i;

/**
 * Constant-time comparison with a signature from the query (any case; missing or malformed is a
 * mismatch). The shape is checked first: 40 non-ASCII characters are more than 40 bytes, and
 * timingSafeEqual throws on buffers of different lengths.
 */
export function signatureMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || !SHA1_HEX.test(given) || !SHA1_HEX.test(expected)) return false;
  return timingSafeEqual(Buffer.from(expected.toLowerCase(), 'latin1'), Buffer.from(given.toLowerCase(), 'latin1'));
}

/**
 * Safe mode's AES-256-CBC: key = base64(EncodingAESKey + '='), IV = the key's first 16 bytes,
 * plaintext = 16 random bytes + 4-byte big-endian length + message + appId, PKCS#7-padded to 32.
 */
export class WeChatCipher {
  private readonly key: Buffer;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new Error('An EncodingAESKey is 43 characters of base64 (32 bytes).');
  }

  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = Buffer.concat([random, length, body, Buffer.from(this.appId, 'utf8')]);
    const pad = PAD_BLOCK - (plain.length % PAD_BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** The message inside, or a 400 DomainError saying what is wrong with the ciphertext. */
  decrypt(encrypted: string): string {
    if (!BASE64.test(encrypted)) throw WeChatErrors.badCiphertext('not base64');
    const data = Buffer.from(encrypted, 'base64');
    if (data.length === 0 || data.length % PAD_BLOCK !== 0) throw WeChatErrors.badCiphertext('truncated');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(data), decipher.final()]);
    const pad = plain[plain.length - 1];
    if (pad < 1 || pad > PAD_BLOCK || !plain.subarray(plain.length - pad).every((b) => b === pad)) throw WeChatErrors.badCiphertext('bad padding');
    const content = plain.subarray(0, plain.length - pad);
    if (content.length < 20) throw WeChatErrors.badCiphertext('too short');
    const length = content.readUInt32BE(16);
    if (20 + length > content.length) throw WeChatErrors.badCiphertext('bad length');
    const appId = content.subarray(20 + length).toString('utf8');
    if (appId !== this.appId) throw WeChatErrors.wrongAppId();
    return content.subarray(20, 20 + length).toString('utf8');
  }
}
