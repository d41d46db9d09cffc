import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Ack, ChatMessage, VisitorClientToServerEvents, VisitorServerToClientEvents } from '../realtime/contract';
import { PresenceService } from '../realtime/presence.service';
import { conversationRoom, RealtimeService, visitorRoom } from '../realtime/realtime.service';
import { parsePayload, socketAck } from '../realtime/socket-ack';
import { forwardTyping } from '../realtime/typing-throttle';
import { historySchema, profileSchema, visitorReadSchema, visitorSendSchema, visitorTypingSchema } from './chat.schemas';
import { ChatService } from './chat.service';
import { VisitorTokens } from './visitor-tokens';

type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, Record<string, never>, { visitorId: string; lastTypingAt?: number }>;
type Handler = (socket: VisitorSocket, payload: unknown) => Promise<Ack<object>>;

/**
 * Web-chat visitors, on their own namespace. A visitor socket is only ever in its own visitor and
 * conversation rooms; nothing on this namespace can reach staff rooms, other customers or
 * internal events.
 *
 * Handlers are plain socket.io listeners rather than @SubscribeMessage: Nest builds an RxJS
 * pipeline per handler per socket, which costs tens of kilobytes for each of the thousands of
 * mostly idle visitor connections (see the chat benchmark).
 */
@WebSocketGateway({ namespace: 'visitor' })
export class VisitorGateway implements OnGatewayInit {
  private readonly handlers: Record<keyof VisitorClientToServerEvents, Handler> = {
    'chat.history': (socket, payload) =>
      socketAck(async () => {
        const { before, limit } = parsePayload(historySchema, payload);
        return this.chat.history(socket.data.visitorId, before, limit ?? 30);
      }),
    'chat.send': (socket, payload) =>
      socketAck(async (): Promise<{ message: ChatMessage }> => ({
        message: await this.chat.sendFromVisitor(socket.data.visitorId, parsePayload(visitorSendSchema, payload), socket.id),
      })),
    'chat.typing': (socket, payload) =>
      socketAck(async () => {
        const { typing } = parsePayload(visitorTypingSchema, payload);
        const room = [...socket.rooms].find((r) => r.startsWith('conversation:'));
        if (room && forwardTyping(socket.data, typing)) this.realtime.publishTyping({ customerId: room.slice('conversation:'.length), by: { type: 'customer' }, typing });
        return {};
      }),
    'chat.read': (socket, payload) =>
      socketAck(async () => {
        const { upToId, read } = parsePayload(visitorReadSchema, payload);
        await this.chat.visitorReceipt(socket.data.visitorId, Number(upToId), read);
        return {};
      }),
    'visitor.profile': (socket, payload) => socketAck(() => this.chat.setProfile(socket.data.visitorId, parsePayload(profileSchema, payload))),
  };

  constructor(
    private readonly tokens: VisitorTokens,
    private readonly chat: ChatService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
  ) {}

  afterInit(namespace: Namespace) {
    namespace.use((socket, next) => {
      const visitorId = this.tokens.verify((socket.handshake.auth as { token?: unknown } | undefined)?.token);
      if (!visitorId) return next(new Error('visitor.invalid_token'));
      socket.data = { visitorId };
      next();
    });
    namespace.on('connection', (socket) => void this.connected(socket as unknown as VisitorSocket));
  }

  private async connected(socket: VisitorSocket) {
    for (const [event, handler] of Object.entries(this.handlers) as [string, Handler][]) {
      (socket as unknown as Socket).on(event, (payload: unknown, ack?: unknown) => {
        void handler(socket, payload).then((res) => typeof ack === 'function' && ack(res));
      });
    }
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) if (room.startsWith('conversation:')) this.presence.scheduleViewers(room.slice('conversation:'.length));
    });
    const { visitorId } = socket.data;
    await socket.join(visitorRoom(visitorId));
    const customerId = await this.chat.visitorCustomerId(visitorId).catch(() => null);
    if (customerId && socket.connected) {
      await socket.join(conversationRoom(customerId));
      this.presence.scheduleViewers(customerId);
    }
    const staffAround = await this.presence.isStaffAround().catch(() => false);
    this.realtime.publishStaffAround(staffAround, socket.id);
  }
}
