import type { ChatMessage } from '@hearth/contract';
import type { VisitorSocket } from './visitor-socket';

/** Receipts for the newest staff message: delivered at once, read once it is on screen; each sent once. */
export class Receipts {
  private deliveredUpTo: string | null = null;
  private readUpTo: string | null = null;

  send(socket: VisitorSocket, newest: ChatMessage | undefined, onScreen: () => boolean): void {
    if (!newest) return;
    if (newest.id !== this.deliveredUpTo && newest.id !== this.readUpTo) {
      socket.emit('chat.read', { upToId: newest.id, read: false });
      this.deliveredUpTo = newest.id;
    }
    if (onScreen() && newest.id !== this.readUpTo) {
      socket.emit('chat.read', { upToId: newest.id, read: true });
      this.readUpTo = newest.id;
    }
  }

  /** A new conversation: nothing acknowledged yet. */
  clear(): void {
    this.deliveredUpTo = this.readUpTo = null;
  }
}
