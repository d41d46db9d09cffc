import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, TimelineEvent } from './contract';

export const DESK_ROOM = 'desk';
export const customerRoom = (customerId: string) => `customer:${customerId}`;
export const staffRoom = (staffId: string) => `staff:${staffId}`;
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;

/**
 * Services decide what to emit; this only emits. The gateway hands it the socket.io server once
 * it is up; before that (or in a process without sockets) publishing is a no-op.
 */
@Injectable()
export class RealtimeService {
  private server?: Server<ClientToServerEvents, ServerToClientEvents>;

  attach(server: Server<ClientToServerEvents, ServerToClientEvents>) {
    this.server = server;
  }

  publishEvent(event: TimelineEvent) {
    this.server?.to([customerRoom(event.customerId), DESK_ROOM]).emit('timeline.event', event);
  }

  /** Ends every socket of a staff member at once (account disabled, password reset). */
  disconnectStaff(staffId: string) {
    this.server?.in(staffRoom(staffId)).disconnectSockets(true);
  }

  /** Ends the sockets of one signed-out browser session. */
  disconnectSession(tokenHash: string) {
    this.server?.in(sessionRoom(tokenHash)).disconnectSockets(true);
  }

  publishMerge(fromCustomerId: string, intoCustomerId: string) {
    this.server?.to([customerRoom(fromCustomerId), DESK_ROOM]).emit('customer.merged', { fromCustomerId, intoCustomerId });
  }
}
