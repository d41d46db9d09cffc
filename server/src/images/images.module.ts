import { Module } from '@nestjs/common';

/** Chat images: upload, content check, thumbnails, safe serving. (Being built.) */
@Module({})
export class ImagesModule {}
