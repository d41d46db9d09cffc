import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ChatImageEntity } from './chat-image.entity';
import { ImageStore } from './image-store';
import { ImagesController } from './images.controller';
import { ImagesService } from './images.service';
import { UploadLimiter } from './upload-limiter';
import { UploaderGuard } from './uploader.guard';

/** Chat images: upload (staff or visitor), content check, re-encoding and thumbnails, safe serving. */
@Module({
  imports: [TypeOrmModule.forFeature([ChatImageEntity]), AuthModule],
  controllers: [ImagesController],
  providers: [ImagesService, ImageStore, UploadLimiter, UploaderGuard],
  exports: [ImagesService, UploadLimiter, ImageStore],
})
export class ImagesModule {}
