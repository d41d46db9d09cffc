import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Namespace } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { sameOriginSockets } from '../common/same-origin';
import type { AppConfig } from '../config/config';
import type { HearthRedis } from './redis';

type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;
type IoServer = ReturnType<IoAdapter['createIOServer']>;

/** How long a dropped socket's rooms and missed packets are kept for it to resume. */
const RECOVERY_WINDOW_MS = 2 * 60_000;
/** One limit for every namespace: they share one engine.io server, so per-gateway limits never applied. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The one socket.io server (every namespace). Handshakes from another site's pages are refused;
 * a socket that drops and comes back within two minutes resumes its rooms and receives what it
 * missed (connection state recovery; the clients' own catch-up stays as the fallback) — but only
 * after its staff session is checked again; with REDIS_URL, every instance shares rooms and
 * broadcasts through the Redis Streams adapter.
 */
export class HearthIoAdapter extends IoAdapter {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis?: HearthRedis,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): IoServer {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      allowRequest: sameOriginSockets(this.config.trustProxy),
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
      ...(this.redis ? { adapter: this.redis.adapter() } : {}),
    } as IoServerOptions);
    this.guardRecovery(server.of('/'));
    server.on('new_namespace', (nsp: Namespace) => this.guardRecovery(nsp));
    return server;
  }

  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    await super.close(server);
    await this.redis?.close();
  }

  /**
   * socket.io restores a session's rooms and writes its missed packets before the namespace's
   * middlewares run. So a staff session is checked here, first: a member of staff disabled, signed
   * out or given another role while disconnected gets no recovery (and then no connection).
   */
  private guardRecovery(nsp: Pick<Namespace, 'name' | 'adapter'>) {
    const adapter = nsp.adapter;
    const restore = adapter.restoreSession.bind(adapter);
    // socket.io's own adapters answer null for "no session to resume"; its type does not say so.
    adapter.restoreSession = (async (pid: string, offset: string) => {
      const session = await restore(pid, offset);
      return session && (await this.mayResume(nsp.name, session.data)) ? session : null;
    }) as typeof adapter.restoreSession;
  }

  private async mayResume(namespace: string, data: unknown): Promise<boolean> {
    // The visitor chat and the public forum carry no session that can be revoked.
    if (namespace !== '/') return true;
    const saved = data as { token?: unknown; staff?: { id?: unknown; role?: unknown } } | undefined;
    if (typeof saved?.token !== 'string') return false;
    const staff = await this.app.get(AuthService, { strict: false }).resolve(saved.token).catch(() => null);
    return !!staff && staff.id === saved.staff?.id && staff.role === saved.staff?.role;
  }
}
