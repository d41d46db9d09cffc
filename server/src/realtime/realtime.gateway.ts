import { HttpStatus } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { AuthService, hashToken } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { z } from 'zod';
import { DomainError } from '../common/domain-error';
import { zEventId, zUuid } from '../common/ids';
import { CustomersService } from '../customers/customers.service';
import type { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import type { Ack, ClientToServerEvents, ServerToClientEvents, TimelineEvent } from './contract';
import { PresenceService, StaffSocketData } from './presence.service';
import { customerRoom, DESK_ROOM, RealtimeService, sessionRoom, staffRoom, STORE_ROLE_ROOM } from './realtime.service';
import { parsePayload, socketAck } from './socket-ack';

type SocketData = StaffSocketData & { staff: Staff };
type StaffSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const CATCH_UP_LIMIT = 500;

const watchSchema = z.strictObject({ customerId: zUuid, afterId: zEventId.optional() });
const unwatchSchema = z.strictObject({ customerId: zUuid });

/** Staff sockets: authenticated by the session cookie before they connect; rooms per customer and the desk. */
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 64 * 1024 })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
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
      await socket.join([DESK_ROOM, staffRoom(staff.id), sessionRoom(hashToken(token)), ...(staff.role === 'store' ? [STORE_ROLE_ROOM] : [])]);
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
  watch(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack<{ missed: TimelineEvent[]; hasMore: boolean }>> {
    return socketAck(async () => {
      // Re-checked on every watch: a disabled account or ended session stops here.
      const reader = await this.auth.resolve(socket.data.token);
      if (!reader) {
        socket.disconnect(true);
        throw new DomainError('auth.required', HttpStatus.UNAUTHORIZED, 'Please sign in again.');
      }
      const { customerId, afterId } = parsePayload(watchSchema, payload);
      await this.customers.get(customerId);
      await socket.join(customerRoom(customerId));
      this.presence.scheduleViewers(customerId);
      const missed = afterId ? await this.timeline.recordedAfter([customerId], Number(afterId), CATCH_UP_LIMIT + 1, reader) : [];
      return { missed: missed.slice(0, CATCH_UP_LIMIT), hasMore: missed.length > CATCH_UP_LIMIT };
    });
  }

  @SubscribeMessage('customer.unwatch')
  unwatch(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return socketAck(async () => {
      const { customerId } = parsePayload(unwatchSchema, payload);
      await socket.leave(customerRoom(customerId));
      this.presence.scheduleViewers(customerId);
      return {};
    });
  }
}
