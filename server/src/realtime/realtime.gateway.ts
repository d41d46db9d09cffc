import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { AuthService, hashToken } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { DomainError } from '../common/domain-error';
import { CustomersService } from '../customers/customers.service';
import type { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import type { Ack, ClientToServerEvents, ServerToClientEvents, TimelineEvent } from './contract';
import { customerRoom, DESK_ROOM, RealtimeService, sessionRoom, staffRoom } from './realtime.service';

type SocketData = { staff: Staff; token: string };
type StaffSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fail = (code: string, message: string) => ({ ok: false as const, code, message });

/** Staff sockets: authenticated by the session cookie before they connect; rooms per customer and the desk. */
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 64 * 1024 })
export class RealtimeGateway implements OnGatewayInit {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly customers: CustomersService,
    private readonly timeline: TimelineService,
    private readonly realtime: RealtimeService,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents>) {
    server.use(async (socket, next) => {
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const staff = token ? await this.auth.resolve(token).catch(() => null) : null;
      if (!token || !staff) return next(new Error('auth.required'));
      socket.data = { staff, token } satisfies SocketData;
      await socket.join([DESK_ROOM, staffRoom(staff.id), sessionRoom(hashToken(token))]);
      next();
    });
    this.realtime.attach(server);
  }

  @SubscribeMessage('customer.watch')
  async watch(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack<{ missed: TimelineEvent[] }>> {
    // Re-checked on every watch: a disabled account or ended session stops here.
    if (!(await this.auth.resolve(socket.data.token))) {
      socket.disconnect(true);
      return fail('auth.required', 'Please sign in again.');
    }
    const { customerId, afterId } = (payload ?? {}) as { customerId?: unknown; afterId?: unknown };
    if (typeof customerId !== 'string' || !UUID.test(customerId)) return fail('validation_failed', 'customerId must be a customer id.');
    if (afterId !== undefined && (typeof afterId !== 'string' || !/^\d{1,15}$/.test(afterId))) {
      return fail('validation_failed', 'afterId must be an event id.');
    }
    try {
      await this.customers.get(customerId);
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message);
      throw err;
    }
    await socket.join(customerRoom(customerId));
    const missed = afterId ? await this.timeline.recordedAfter([customerId], Number(afterId)) : [];
    return { ok: true, missed };
  }

  @SubscribeMessage('customer.unwatch')
  async unwatch(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack> {
    const { customerId } = (payload ?? {}) as { customerId?: unknown };
    if (typeof customerId !== 'string' || !UUID.test(customerId)) return fail('validation_failed', 'customerId must be a customer id.');
    await socket.leave(customerRoom(customerId));
    return { ok: true };
  }
}
