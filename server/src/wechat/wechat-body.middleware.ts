import { Injectable, NestMiddleware } from '@nestjs/common';
import { text, type NextFunction, type Request, type Response } from 'express';
import { expressErrorHandler } from '../common/http-error.filter';

/** WeChat messages are small; anything bigger is refused (413) before it is read further. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

const readText = text({ type: () => true, limit: MAX_CALLBACK_BYTES });

/** Reads a callback's XML body as text (WeChat sends text/xml, which the app's JSON parser leaves alone). */
@Injectable()
export class WeChatBodyMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    readText(req, res, (err?: unknown) => (err ? expressErrorHandler(err, req, res, next) : next()));
  }
}
