import { CallHandler, ExecutionContext, HttpException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { MAX_IMAGE_BYTES } from './image-limits';
import { ImageErrors } from './images.errors';

/** The file multer hands over (memory storage). */
export type UploadedImageFile = { buffer: Buffer; size: number };

/**
 * Nest's multer interceptor for the one field `file`, kept in memory (multer's default with no
 * `dest`) and cut off at MAX_IMAGE_BYTES while streaming. Its errors are turned into image errors
 * so the client gets our codes (`image.too_large`) instead of generic ones.
 */
@Injectable()
export class ImageUploadInterceptor extends FileInterceptor('file', {
  limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
}) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (err) {
      throw toUploadError(err);
    }
  }
}

/** Anything that fails while multer reads the body is about the request, not about us. */
function toUploadError(err: unknown): unknown {
  const code = err instanceof HttpException ? (err.cause as { code?: unknown } | undefined)?.code : undefined;
  if (err instanceof PayloadTooLargeException || code === 'LIMIT_FILE_SIZE') return ImageErrors.tooLarge();
  if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') {
    return ImageErrors.badForm('Send exactly one image, in the form field "file".');
  }
  if (err instanceof HttpException) return ImageErrors.badForm(err.message, err.getStatus());
  return ImageErrors.badForm('The upload could not be read.');
}
