import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { sameOriginSockets } from '../common/same-origin';
import type { AppConfig } from '../config/config';

type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

/** The one socket.io server (every namespace): handshakes from another site's pages are refused. */
export class HearthIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): ReturnType<IoAdapter['createIOServer']> {
    return super.createIOServer(port, { ...options, allowRequest: sameOriginSockets(this.config.trustProxy) } as IoServerOptions);
  }
}
