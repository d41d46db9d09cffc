import { Logger } from '@nestjs/common';
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { DomainError } from '../common/domain-error';
import { MAX_INPUT_PIXELS, MAX_SIDE, THUMB_SIDE } from './image-limits';
import { ImageErrors } from './images.errors';

const logger = new Logger('ImageProcessing');

// Each upload is a different image: libvips' operation cache would only hold memory.
sharp.cache(false);
// Defence in depth behind sniffImageType: libvips may only load the four accepted formats, so its
// SVG, PDF, TIFF, HEIF… loaders can never parse uploaded bytes. (Process-wide; sharp is only used here.)
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({ operation: ['VipsForeignLoadJpeg', 'VipsForeignLoadPng', 'VipsForeignLoadNsgif', 'VipsForeignLoadWebp'] });

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export type ImageKind = { mime: ImageMime; ext: 'jpg' | 'png' | 'gif' | 'webp'; format: 'jpeg' | 'png' | 'gif' | 'webp'; label: string };

const KINDS = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg', format: 'jpeg', label: 'JPEG' },
  png: { mime: 'image/png', ext: 'png', format: 'png', label: 'PNG' },
  gif: { mime: 'image/gif', ext: 'gif', format: 'gif', label: 'GIF' },
  webp: { mime: 'image/webp', ext: 'webp', format: 'webp', label: 'WebP' },
} as const satisfies Record<string, ImageKind>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The image type from the file's own first bytes — never its name or the Content-Type the client
 * claimed. Only these four reach libvips, so its SVG, TIFF, PDF and other loaders never see
 * uploaded bytes.
 */
export function sniffImageType(data: Buffer): ImageKind | null {
  const ascii = (start: number, end: number) => data.toString('latin1', start, end);
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return KINDS.jpeg;
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return KINDS.png;
  if (data.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return KINDS.gif;
  if (data.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return KINDS.webp;
  return null;
}

export type ProcessedImage = {
  kind: ImageKind;
  /** Re-encoded by us: auto-oriented, no EXIF/GPS/XMP/ICC metadata, at most MAX_SIDE per side. */
  original: Buffer;
  /** A still WebP of the first frame, at most THUMB_SIDE per side. */
  thumb: Buffer;
  /** Of one frame, after orientation and downscaling. */
  width: number;
  height: number;
};

/**
 * Checks and re-encodes an upload. Everything served later was written by our encoder, never the
 * uploaded bytes: that drops metadata (phone photos carry GPS) and breaks polyglot files.
 * GIF and WebP animations stay animated (all frames re-encoded in their own format); their
 * thumbnail is the first frame.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (input.length === 0) throw ImageErrors.empty();
  const kind = sniffImageType(input);
  if (!kind) throw ImageErrors.unsupportedType();

  // failOn 'error' rather than 'warning': truncated files still fail, phone photos with a stray
  // marker do not.
  const options: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: kind.format === 'gif' || kind.format === 'webp' };
  const decoded = await decode(kind, async () => {
    const meta = await sharp(input, options).metadata();
    // libvips sniffs for itself; if it disagrees with our check, refuse rather than guess.
    if (meta.format !== kind.format) throw ImageErrors.unreadable(kind.label);
    const pipeline = sharp(input, options)
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    return encode(pipeline, kind).toBuffer({ resolveWithObject: true });
  });

  // From our own output: smaller to decode, already upright, and a still of the first frame.
  const thumb = await sharp(decoded.data)
    .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();

  return {
    kind,
    original: decoded.data,
    thumb,
    width: decoded.info.width,
    // An animation decodes as one tall strip of frames.
    height: decoded.info.pageHeight ?? decoded.info.height,
  };
}

function encode(pipeline: Sharp, kind: ImageKind): Sharp {
  switch (kind.format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 85 });
    case 'png':
      return pipeline.png();
    case 'gif':
      return pipeline.gif();
    case 'webp':
      return pipeline.webp({ quality: 85 });
  }
}

/** libvips failures on uploaded bytes are the upload's fault: a 4xx with a reason, never a 500. */
async function decode<T>(kind: ImageKind, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(reason)) throw ImageErrors.tooManyPixels();
    logger.warn({ msg: 'Upload could not be decoded', type: kind.mime, reason });
    throw ImageErrors.unreadable(kind.label);
  }
}
