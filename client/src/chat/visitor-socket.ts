import { InjectionToken } from '@angular/core';
import type { VisitorClientToServerEvents, VisitorServerToClientEvents } from '@hearth/contract';
import { Socket, io } from 'socket.io-client';

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

/** How long the page waits for the server to answer an event before treating it as lost. */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * Makes the visitor's socket; a token so specs can hand in a fake. `token()` is asked on every
 * (re)connection, so a renewed visitor token is used without making a new socket.
 */
export const VISITOR_SOCKET_FACTORY = new InjectionToken<(token: () => string) => VisitorSocket>(
  'VISITOR_SOCKET_FACTORY',
  {
    providedIn: 'root',
    factory: () => (token) =>
      io('/visitor', { path: '/socket.io', autoConnect: false, auth: (cb) => cb({ token: token() }) }),
  },
);
