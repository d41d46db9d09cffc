import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { MAX_IMAGE_BYTES, MAX_INPUT_PIXELS } from './image-limits';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const ImageErrors = {
  missing: () => new DomainError('image.missing', HttpStatus.BAD_REQUEST, 'Attach an image in the form field "file".'),
  empty: () => new DomainError('image.missing', HttpStatus.BAD_REQUEST, 'The uploaded file is empty.'),
  badForm: (message: string, status: HttpStatus = HttpStatus.BAD_REQUEST) => new DomainError('image.bad_form', status, message),
  tooLarge: () =>
    new DomainError('image.too_large', HttpStatus.PAYLOAD_TOO_LARGE, `The image is larger than ${mb(MAX_IMAGE_BYTES)}. Send a smaller one.`),
  tooManyPixels: () =>
    new DomainError(
      'image.too_many_pixels',
      HttpStatus.PAYLOAD_TOO_LARGE,
      `The image has more than ${Math.round(MAX_INPUT_PIXELS / 1_000_000)} million pixels (all frames together for an animation).`,
    ),
  unsupportedType: () =>
    new DomainError('image.unsupported_type', HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Only JPEG, PNG, GIF and WebP images can be sent.'),
  unreadable: (kind: string) =>
    new DomainError('image.unreadable', HttpStatus.BAD_REQUEST, `This file starts like a ${kind} image but could not be read; it may be damaged or incomplete.`),
  notFound: () => new DomainError('image.not_found', HttpStatus.NOT_FOUND, 'This image was not found.'),
  unauthenticated: () =>
    new DomainError('auth.required', HttpStatus.UNAUTHORIZED, 'Sign in, or send the web chat visitor token in the X-Visitor-Token header.'),
  invalidVisitorToken: () =>
    new DomainError('auth.invalid_visitor_token', HttpStatus.UNAUTHORIZED, 'The visitor token is not valid. Start the chat again to get a new one.'),
  rateLimited: (seconds: number) =>
    new DomainError(
      'rate_limited',
      HttpStatus.TOO_MANY_REQUESTS,
      `Too many images in a short time. Try again in ${seconds} seconds.`,
      undefined,
      undefined,
      { 'Retry-After': String(seconds) },
    ),
};
