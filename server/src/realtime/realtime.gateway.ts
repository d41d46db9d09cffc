import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { AuthService, hashToken } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { DomainError } from '../common/domain-error';
import { CustomersService } from '../customers/customers.service';
import type { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import type { Ack, ClientToServerEvents, ServerToClientEvents, TimelineEvent } from './contract';
import { PresenceService, StaffSocketData } from './presence.service';
import { customerRoom, DESK_ROOM, RealtimeService, sessionRoom, staffRoom } from './realtime.service';

type SocketData = StaffSocketData & { staff: Staff };
type StaffSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CATCH_UP_LIMIT = 500;

const fail = (code: string, message: string) => ({ ok: false as const, code, message });

/** Staff sockets: authenticated by the session cookie before they connect; rooms per customer and the desk. */
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 64 * 1024 })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly customers: CustomersService,
    private readonly timeline: TimelineService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents>) {
    server.use(async (socket, next) => {
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const staff = token ? await this.auth.resolve(token).catch(() => null) : null;
      if (!token || !staff) return next(new Error('auth.required'));
      socket.data = { staff, token, presence: 'online' } satisfies SocketData;
      await socket.join([DESK_ROOM, staffRoom(staff.id), sessionRoom(hashToken(token))]);
      next();
    });
    this.realtime.attach(server);
  }

  handleConnection(socket: StaffSocket) {
    this.presence.schedulePresence();
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) if (room.startsWith('customer:')) this.presence.scheduleViewers(room.slice('customer:'.length));
      this.presence.schedulePresence();
    });
  }

  @SubscribeMessage('customer.watch')
  async watch(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack<{ missed: TimelineEvent[]; hasMore: boolean }>> {
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
    this.presence.scheduleViewers(customerId);
    const missed = afterId ? await this.timeline.recordedAfter([customerId], Number(afterId), CATCH_UP_LIMIT + 1) : [];
    return { ok: true, missed: missed.slice(0, CATCH_UP_LIMIT), hasMore: missed.length > CATCH_UP_LIMIT };
  }

  @SubscribeMessage('customer.unwatch')
  async unwatch(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack> {
    const { customerId } = (payload ?? {}) as { customerId?: unknown };
    if (typeof customerId !== 'string' || !UUID.test(customerId)) return fail('validation_failed', 'customerId must be a customer id.');
    await socket.leave(customerRoom(customerId));
    this.presence.scheduleViewers(customerId);
    return { ok: true };
  }
}
