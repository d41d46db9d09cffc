import { describeError } from './chat-i18n';

describe('describeError', () => {
  it('should say known server errors in Chinese', () => {
    expect(describeError({ code: 'image.too_large', message: 'The image is larger than 5 MB.' }, 'zh-CN')).toBe('图片太大了，请换一张小一点的');
    expect(describeError({ code: 'upload.415' }, 'zh-CN')).toBe('只能发送 JPEG、PNG、GIF 或 WebP 图片');
  });

  it('should use the server’s own message in English', () => {
    expect(describeError({ code: 'image.too_large', message: 'The image is larger than 5 MB.' }, 'en')).toBe('The image is larger than 5 MB.');
  });

  it('should fall back to the server’s message, then the code', () => {
    expect(describeError({ code: 'validation_failed', message: 'body must be at most 4000 characters.' }, 'zh-CN')).toBe(
      'body must be at most 4000 characters.',
    );
    expect(describeError({ code: 'something.new' }, 'zh-CN')).toBe('something.new');
  });
});
