import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { sameOriginSockets } from '../common/same-origin';
import type { AppConfig } from '../config/config';
import type { SocketRedis } from './redis';

type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

/** How long a dropped socket's rooms and missed packets are kept for it to resume. */
const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * The one socket.io server (every namespace). Handshakes from another site's pages are refused;
 * a socket that drops and comes back within two minutes resumes its rooms and receives what it
 * missed (connection state recovery; the clients' own catch-up stays as the fallback); with
 * REDIS_URL, every instance shares rooms and broadcasts through the Redis Streams adapter.
 */
export class HearthIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis?: SocketRedis,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): ReturnType<IoAdapter['createIOServer']> {
    return super.createIOServer(port, {
      ...options,
      allowRequest: sameOriginSockets(this.config.trustProxy),
      // Every namespace shares this one engine, so a gateway's own maxHttpBufferSize is ignored: a bigger frame drops its socket.
      maxHttpBufferSize: 64 * 1024,
      // Middlewares run again on recovery: a staff session is re-checked before rooms come back.
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
      ...(this.redis ? { adapter: this.redis.adapter } : {}),
    } as IoServerOptions);
  }

  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    await super.close(server);
    await this.redis?.close();
  }
}
