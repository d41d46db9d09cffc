import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/session-cookie';
import { HttpErrorFilter, expressErrorHandler } from './common/http-error.filter';
import { sameOriginWrites } from './common/same-origin';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { ensureWritableDataDir } from './database/data-source-options';
import { createRootLogger, PinoNestLogger, requestLogging } from './logging/logger';
import { HearthIoAdapter } from './realtime/io-adapter';
import { connectRedis } from './realtime/redis';

/** Builds the whole app (API under /api, the Angular client everywhere else); main.ts and the tests both use it. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  ensureWritableDataDir(config);
  const root = createRootLogger(config.logLevel);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, redis), {
    logger: new PinoNestLogger(root),
    bodyParser: false,
    abortOnError: false,
  }).catch(async (err: unknown) => {
    await redis?.close();
    throw err;
  });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(requestLogging(root));
  app.use(securityHeaders(config));
  app.use(sameOriginWrites(config.trustProxy));
  app.useWebSocketAdapter(new HearthIoAdapter(app, config, redis));
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  app.use(cookieParser());
  app.use(expressErrorHandler);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Hearth API')
    .setDescription('A customer-service desk without KPI queues. Errors are `{ statusCode, code, message, requestId }`.')
    .setVersion('0.1')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  // The customer chat is its own small Angular build (client/dist/chat), beside the desk's.
  serveClient(app, path.resolve(config.clientDir, '../../chat/browser'), '/chat');
  serveClient(app, config.clientDir, '/');
  return app;
}

/**
 * A built Angular app under `prefix`: hashed assets cached for a year, and index.html for every
 * other non-API path below the prefix, so deep links survive a reload.
 */
function serveClient(app: NestExpressApplication, dir: string, prefix: '/' | '/chat') {
  const index = path.join(dir, 'index.html');
  const below = prefix === '/' ? () => true : (p: string) => p === prefix || p.startsWith(`${prefix}/`);
  app.useStaticAssets(dir, {
    prefix,
    index: false,
    setHeaders: (res, file) => {
      if (/\.[0-9a-z]{8,}\.(js|css|woff2?|ttf)$/i.test(file) || /[-.][A-Z0-9]{8}\.(js|css)$/.test(file)) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /^\/(api|socket\.io)(\/|$)/.test(req.path) || !below(req.path)) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The Hearth client is not built yet. Run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
