import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents, TimelineEvent } from '../realtime/contract';
import { PresenceService, StaffSocketData } from '../realtime/presence.service';
import { RealtimeService } from '../realtime/realtime.service';
import { parsePayload, socketAck } from '../realtime/socket-ack';
import { forwardTyping } from '../realtime/typing-throttle';
import type { Staff } from '../staff/staff.entity';
import { presenceSchema, staffReadSchema, staffSendSchema, staffTypingSchema } from './chat.schemas';
import { ChatService } from './chat.service';

type StaffSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, StaffSocketData & { staff: Staff; lastTypingAt?: number }>;

/** Staff side of web chat, on the staff namespace (authenticated by RealtimeGateway's middleware). */
@WebSocketGateway()
export class StaffChatGateway {
  constructor(
    private readonly chat: ChatService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
  ) {}

  @SubscribeMessage('chat.send')
  send(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack<{ message: TimelineEvent }>> {
    return socketAck(async () => {
      const { customerId, ...input } = parsePayload(staffSendSchema, payload);
      return { message: await this.chat.sendFromStaff(socket.data.staff, customerId, input) };
    });
  }

  @SubscribeMessage('chat.typing')
  typing(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return socketAck(async () => {
      const { customerId, typing } = parsePayload(staffTypingSchema, payload);
      const { id, displayName } = socket.data.staff;
      if (forwardTyping(socket.data, typing)) this.realtime.publishTyping({ customerId, by: { type: 'staff', id, name: displayName }, typing }, socket.id);
      return {};
    });
  }

  @SubscribeMessage('inbox.read')
  read(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return socketAck(async () => {
      const { customerId, upToId } = parsePayload(staffReadSchema, payload);
      await this.chat.markRead(socket.data.staff, customerId, Number(upToId));
      return {};
    });
  }

  @SubscribeMessage('presence.set')
  setPresence(@ConnectedSocket() socket: StaffSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return socketAck(async () => {
      socket.data.presence = parsePayload(presenceSchema, payload).status;
      this.presence.schedulePresence();
      return {};
    });
  }
}
