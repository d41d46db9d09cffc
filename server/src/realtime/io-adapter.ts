import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { sameOriginSockets } from '../common/same-origin';
import type { AppConfig } from '../config/config';

/** The one socket.io server (every namespace): handshakes from another site's pages are refused. */
export class HearthIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, { ...options, allowRequest: sameOriginSockets(this.config.trustProxy) } as ServerOptions);
  }
}
