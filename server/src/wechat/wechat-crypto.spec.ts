import { createCipheriv } from 'node:crypto';
import { rawAes } from './testing/wechat-callbacks';
import { signatureMatches, WeChatCipher, wechatSignature } from './wechat-crypto';

describe('WeChat crypto', () => {
  const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  const appId = 'wxb11529c136998cb6';
  const tencentCiphertext = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';

  it("should sign like wechatpy's check value", () => {
    expect(wechatSignature('test', '1410685589', 'test')).toBe('f21891de399b4e33a1a93c9a7b8a8fffb5a443ff');
  });

  it('should compare signatures in any case and refuse missing ones', () => {
    const sig = wechatSignature('test', '1410685589', 'test');
    expect(signatureMatches(sig, sig.toUpperCase())).toBe(true);
    expect(signatureMatches(sig, undefined)).toBe(false);
    expect(signatureMatches(sig, ['x'])).toBe(false);
    expect(signatureMatches(sig, `${sig}0`)).toBe(false);
  });

  it('should refuse signatures that are not 40 hex characters without throwing (multi-byte, non-hex, padded)', () => {
    const sig = wechatSignature('test', '1410685589', 'test');
    // 40 characters but 80 or 120 bytes: timingSafeEqual would throw on the length mismatch.
    expect(signatureMatches(sig, 'é'.repeat(40))).toBe(false);
    expect(signatureMatches(sig, '签'.repeat(40))).toBe(false);
    expect(signatureMatches(sig, '😀'.repeat(20))).toBe(false);
    expect(signatureMatches(sig, 'g'.repeat(40))).toBe(false);
    expect(signatureMatches(sig, ` ${sig.slice(1)}`)).toBe(false);
    expect(signatureMatches(sig, `${sig.slice(0, 39)}\u0000`)).toBe(false);
    expect(signatureMatches(sig, '')).toBe(false);
  });

  /**
   * A second, independent implementation of WeChat's encryption (node:crypto directly, 32-byte
   * PKCS#7 done by hand), so the decryption is not only checked against our own encrypt().
   */
  function independentEncrypt(aesKey: string, app: string, message: string, random: Buffer): { ciphertext: string; pad: number } {
    const keyBytes = Buffer.from(aesKey + '=', 'base64');
    const msg = Buffer.from(message, 'utf8');
    const len = Buffer.from([(msg.length >>> 24) & 0xff, (msg.length >>> 16) & 0xff, (msg.length >>> 8) & 0xff, msg.length & 0xff]);
    const plain = Buffer.concat([random, len, msg, Buffer.from(app, 'utf8')]);
    const pad = 32 - (plain.length % 32);
    const padded = Buffer.concat([plain, Buffer.from(new Array<number>(pad).fill(pad))]);
    const aes = createCipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
    aes.setAutoPadding(false);
    return { ciphertext: Buffer.concat([aes.update(padded), aes.final()]).toString('base64'), pad };
  }

  it('should decrypt independently made ciphertexts with pads above 16 bytes (17, 30, 32)', () => {
    const cipher = new WeChatCipher(key, appId);
    const random = Buffer.from('0123456789abcdef');
    // 16 + 4 + 18 (appId) = 38 bytes around the message: 41 → pad 17; 28 → pad 30; 26 → pad 32; 34 bytes of UTF-8 → pad 24.
    for (const [message, expectedPad] of [['m'.repeat(41), 17], ['m'.repeat(28), 30], ['m'.repeat(26), 32], ['你好'.repeat(5) + 'abcd', 24]] as const) {
      const { ciphertext, pad } = independentEncrypt(key, appId, message, random);
      expect(pad).toBe(expectedPad);
      expect(cipher.decrypt(ciphertext)).toBe(message);
      // And ours writes the same bytes as the independent one.
      expect(cipher.encrypt(message, random)).toBe(ciphertext);
    }
  });

  it("should encrypt Tencent's sample exactly and decrypt it back", () => {
    const cipher = new WeChatCipher(key, appId);
    expect(cipher.encrypt('我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))).toBe(tencentCiphertext);
    expect(cipher.decrypt(tencentCiphertext)).toBe('我是中文abcd123');
  });

  it('should pad to 32-byte blocks, including a whole block of padding', () => {
    const cipher = new WeChatCipher(key, appId);
    // 16 + 4 + 12 + 18 = 50 bytes → pad 14; and 64 bytes → a full block of 32.
    for (const message of ['x'.repeat(12), 'x'.repeat(26)]) {
      const data = Buffer.from(cipher.encrypt(message), 'base64');
      expect(data.length % 32).toBe(0);
      expect(cipher.decrypt(data.toString('base64'))).toBe(message);
    }
  });

  it('should refuse another appId, truncation, bad padding and non-base64 with codes', () => {
    const cipher = new WeChatCipher(key, appId);
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return 'none';
      } catch (err) {
        return (err as { code?: string }).code;
      }
    };
    expect(codeOf(() => new WeChatCipher(key, 'wx0000000000000000').decrypt(tencentCiphertext))).toBe('wechat.wrong_app_id');
    expect(codeOf(() => cipher.decrypt(Buffer.from(tencentCiphertext, 'base64').subarray(0, 48).toString('base64')))).toBe('wechat.bad_ciphertext');
    expect(codeOf(() => cipher.decrypt('@@@@'))).toBe('wechat.bad_ciphertext');
    expect(codeOf(() => cipher.decrypt(rawAes(key, Buffer.concat([Buffer.alloc(60, 1), Buffer.from([0, 0, 0, 33])]))))).toBe('wechat.bad_ciphertext');
    expect(codeOf(() => cipher.decrypt(rawAes(key, Buffer.concat([Buffer.alloc(62, 1), Buffer.from([3, 2])]))))).toBe('wechat.bad_ciphertext');
  });
});
