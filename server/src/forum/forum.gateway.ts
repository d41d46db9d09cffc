import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { isEventId, zUuid } from '../common/ids';
import type { Ack, ForumClientToServerEvents, ForumPost, ForumServerToClientEvents } from '../realtime/contract';
import { parsePayload, socketAck } from '../realtime/socket-ack';
import { ForumNamespace, threadRoom } from './forum-live';
import { ANONYMOUS } from './forum-reader';
import { ForumViews } from './forum-views';
import { ForumErrors } from './forum.errors';

type ForumSocket = Socket<ForumClientToServerEvents, ForumServerToClientEvents>;
type Handler = (socket: ForumSocket, payload: unknown) => Promise<Ack<object>>;

/** Threads one socket may watch at once (a reader has a page or two open, not dozens). */
const MAX_WATCHES = 20;
/** Posts a reconnecting page gets back at most; it reloads the thread beyond that. */
const MISSED_LIMIT = 200;

const watchSchema = z.strictObject({ threadId: zUuid, afterPostId: z.string().refine(isEventId, 'must be a post id').optional() });
const unwatchSchema = z.strictObject({ threadId: zUuid });

const watching = (socket: ForumSocket) => [...socket.rooms].filter((room) => room.startsWith('forum-thread:'));

/**
 * Live threads on the `/forum` namespace. Anyone may connect (the forum is public) and watch a
 * thread; what they receive is always the public view. Plain listeners, as on `/visitor`: many
 * idle readers should cost little.
 */
@WebSocketGateway({ namespace: 'forum' })
export class ForumGateway implements OnGatewayInit {
  private readonly handlers: Record<keyof ForumClientToServerEvents, Handler> = {
    'thread.watch': (socket, payload) =>
      socketAck(async (): Promise<{ missed: ForumPost[] }> => {
        const { threadId, afterPostId } = parsePayload(watchSchema, payload);
        const id = threadId.toLowerCase();
        const rooms = watching(socket);
        if (!rooms.includes(threadRoom(id)) && rooms.length >= MAX_WATCHES) throw ForumErrors.tooManyWatches();
        const thread = await this.views.readableThread(id, ANONYMOUS);
        // Joined before the missed posts are read: one written meanwhile comes live or in `missed`, never neither (the page drops doubles by id).
        await socket.join(threadRoom(thread.id));
        if (afterPostId === undefined) return { missed: [] };
        const { posts } = await this.views.postsAfter(thread.id, afterPostId, MISSED_LIMIT, ANONYMOUS);
        return { missed: posts };
      }),
    'thread.unwatch': (socket, payload) =>
      socketAck(async () => {
        const { threadId } = parsePayload(unwatchSchema, payload);
        await socket.leave(threadRoom(threadId.toLowerCase()));
        return {};
      }),
  };

  constructor(private readonly views: ForumViews) {}

  afterInit(namespace: ForumNamespace) {
    namespace.on('connection', (socket) => {
      for (const [event, handler] of Object.entries(this.handlers) as [string, Handler][]) {
        (socket as unknown as Socket).on(event, (payload: unknown, ack?: unknown) => {
          void handler(socket, payload).then((res) => typeof ack === 'function' && ack(res));
        });
      }
    });
  }
}
