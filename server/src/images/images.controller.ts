import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import type { ChatImage } from '../realtime/contract';
import { ImageUploadInterceptor, type UploadedImageFile } from './image-upload.interceptor';
import { MAX_IMAGE_BYTES } from './image-limits';
import { toChatImage } from './images.mapper';
import { ImagesService, type Uploader } from './images.service';
import { CurrentUploader, UploaderGuard, VISITOR_TOKEN_HEADER } from './uploader.guard';

const CHAT_IMAGE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    url: { type: 'string', example: '/api/chat/images/3f6c…' },
    thumbUrl: { type: 'string', example: '/api/chat/images/3f6c…/thumb' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    mime: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] },
  },
};

/**
 * Served images can never run as a page: the type is the one we encoded, nosniff stops browsers
 * guessing another, and the CSP sandbox neuters the response even when opened directly.
 */
const SAFE_IMAGE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Private: the URL is a capability, so shared caches should not keep it. Immutable: an id's bytes never change.
  'Cache-Control': 'private, max-age=31536000, immutable',
};

@ApiTags('chat')
@Controller('chat/images')
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  @Public()
  @UseGuards(UploaderGuard)
  @UseInterceptors(ImageUploadInterceptor)
  @Post()
  @ApiOperation({
    summary: 'Upload a chat image (staff session or web-chat visitor token)',
    description:
      `JPEG, PNG, GIF or WebP, told apart by the file's content (its name and Content-Type are ignored), up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB. ` +
      'The image is re-encoded without metadata (EXIF, GPS), auto-oriented and fitted into 2560 px; GIF and WebP animations stay animated. ' +
      'Send the answer\'s id with a chat message.',
  })
  @ApiCookieAuth()
  @ApiHeader({ name: VISITOR_TOKEN_HEADER, required: false, description: 'The web chat visitor token, for visitors (instead of a staff session)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 201, description: 'Stored', schema: CHAT_IMAGE_SCHEMA })
  @ApiResponse({ status: 400, description: '`image.missing` (no file), `image.unreadable` (damaged image), `image.bad_form`' })
  @ApiResponse({ status: 401, description: '`auth.required`, `auth.invalid_visitor_token`' })
  @ApiResponse({ status: 413, description: '`image.too_large` (over 5 MB), `image.too_many_pixels`' })
  @ApiResponse({ status: 415, description: '`image.unsupported_type` (not JPEG, PNG, GIF or WebP)' })
  @ApiResponse({ status: 429, description: '`rate_limited`, with Retry-After' })
  async upload(@UploadedFile() file: UploadedImageFile | undefined, @CurrentUploader() uploader: Uploader): Promise<ChatImage> {
    return toChatImage(await this.images.upload(uploader, file));
  }

  // Public capability URLs: the id is a random v4 uuid (122 bits from crypto.randomUUID), so only
  // someone who was shown the image (a chat participant) can know it. No session is needed, so
  // <img src> works for staff and visitors alike.
  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'An uploaded chat image (public to whoever holds the unguessable URL)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('image/jpeg', 'image/png', 'image/gif', 'image/webp')
  @ApiResponse({ status: 200, description: 'The image' })
  @ApiResponse({ status: 404, description: '`image.not_found`' })
  async original(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.serve(id, 'original', res);
  }

  @Public()
  @Get(':id/thumb')
  @ApiOperation({ summary: 'Its thumbnail: WebP, at most 320 px a side, first frame of an animation' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('image/webp')
  @ApiResponse({ status: 200, description: 'The thumbnail' })
  @ApiResponse({ status: 404, description: '`image.not_found`' })
  async thumb(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.serve(id, 'thumb', res);
  }

  private async serve(id: string, variant: 'original' | 'thumb', res: Response): Promise<StreamableFile> {
    const file = await this.images.read(id, variant);
    // Set only once the image is found, so an error answer is never cached for a year.
    res.set(SAFE_IMAGE_HEADERS);
    return new StreamableFile(file.stream, { type: file.mime, length: file.size, disposition: `inline; filename="${file.filename}"` });
  }
}
