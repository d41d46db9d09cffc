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
