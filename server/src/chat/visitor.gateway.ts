import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Ack, ChatMessage, VisitorClientToServerEvents, VisitorServerToClientEvents } from '../realtime/contract';
import { PresenceService } from '../realtime/presence.service';
import { conversationRoom, RealtimeService, visitorRoom } from '../realtime/realtime.service';
import { socketAck } from '../realtime/socket-ack';
import { historySchema, parsePayload, profileSchema, visitorReadSchema, visitorSendSchema, visitorTypingSchema } from './chat.schemas';
import { ChatService } from './chat.service';
import { VisitorTokens } from './visitor-tokens';

type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, Record<string, never>, { visitorId: string }>;

/**
 * Web-chat visitors, on their own namespace. A visitor socket is only ever in its own visitor and
 * conversation rooms; nothing on this namespace can reach staff rooms, other customers or
 * internal events.
 */
@WebSocketGateway({ namespace: 'visitor' })
export class VisitorGateway implements OnGatewayInit, OnGatewayConnection {
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
  }

  async handleConnection(socket: VisitorSocket) {
    const { visitorId } = socket.data;
    await socket.join(visitorRoom(visitorId));
    const customerId = await this.chat.visitorCustomerId(visitorId).catch(() => null);
    if (customerId) {
      await socket.join(conversationRoom(customerId));
      this.presence.scheduleViewers(customerId);
    }
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) if (room.startsWith('conversation:')) this.presence.scheduleViewers(room.slice('conversation:'.length));
    });
    const staffAround = await this.presence.isStaffAround().catch(() => false);
    this.realtime.publishStaffAround(staffAround, socket.id);
  }

  @SubscribeMessage('chat.history')
  history(@ConnectedSocket() socket: VisitorSocket, @MessageBody() payload: unknown) {
    return socketAck(async () => {
      const { before, limit } = parsePayload(historySchema, payload);
      return this.chat.history(socket.data.visitorId, before, limit ?? 30);
    });
  }

  @SubscribeMessage('chat.send')
  send(@ConnectedSocket() socket: VisitorSocket, @MessageBody() payload: unknown): Promise<Ack<{ message: ChatMessage }>> {
    return socketAck(async () => ({ message: await this.chat.sendFromVisitor(socket.data.visitorId, parsePayload(visitorSendSchema, payload), socket.id) }));
  }

  @SubscribeMessage('chat.typing')
  typing(@ConnectedSocket() socket: VisitorSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return socketAck(async () => {
      const { typing } = parsePayload(visitorTypingSchema, payload);
      const room = [...socket.rooms].find((r) => r.startsWith('conversation:'));
      if (room) this.realtime.publishTyping({ customerId: room.slice('conversation:'.length), by: { type: 'customer' }, typing });
      return {};
    });
  }

  @SubscribeMessage('chat.read')
  read(@ConnectedSocket() socket: VisitorSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return socketAck(async () => {
      const { upToId, read } = parsePayload(visitorReadSchema, payload);
      await this.chat.visitorReceipt(socket.data.visitorId, Number(upToId), read);
      return {};
    });
  }

  @SubscribeMessage('visitor.profile')
  profile(@ConnectedSocket() socket: VisitorSocket, @MessageBody() payload: unknown) {
    return socketAck(() => this.chat.setProfile(socket.data.visitorId, parsePayload(profileSchema, payload)));
  }
}
