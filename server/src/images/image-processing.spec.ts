import sharp from 'sharp';
import { DomainError } from '../common/domain-error';
import { processImage, sniffImageType } from './image-processing';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2c3e50' } });

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('sniffImageType', () => {
  it('should recognise JPEG, PNG, GIF and WebP by their first bytes', async () => {
    for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) {
      const data = await solid(4, 4).toFormat(format).toBuffer();
      expect(sniffImageType(data)?.format).toBe(format);
    }
  });

  it('should refuse other images and text, whatever they claim to be', async () => {
    for (const data of [
      await solid(4, 4).tiff().toBuffer(),
      await solid(4, 4).avif().toBuffer(),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from('GIF8'),
      Buffer.from('RIFF\0\0\0\0WAVE'),
      Buffer.alloc(0),
    ]) {
      expect(sniffImageType(data)).toBeNull();
    }
  });
});

describe('processImage', () => {
  it('should refuse a decompression bomb with image.too_many_pixels', async () => {
    // A few kilobytes that claim 64 million pixels.
    const bomb = await solid(8000, 8000).png({ compressionLevel: 9 }).toBuffer();
    expect(await codeOf(processImage(bomb))).toBe('image.too_many_pixels');
  });

  it('should keep an animated WebP animated', async () => {
    const frames = await Promise.all(['#111', '#999'].map((c) => sharp({ create: { width: 12, height: 10, channels: 3, background: c } }).png().toBuffer()));
    const webp = await sharp(frames, { join: { animated: true } }).webp().toBuffer();
    const out = await processImage(webp);
    expect(out).toMatchObject({ width: 12, height: 10, kind: { mime: 'image/webp' } });
    expect((await sharp(out.original).metadata()).pages).toBe(2);
  });

  it('should answer image.unreadable for a GIF header with nothing behind it', async () => {
    expect(await codeOf(processImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')))).toBe('image.unreadable');
  });
});
