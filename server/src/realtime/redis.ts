import { Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';

export type HearthRedis = {
  /** For commands (the rate limits); the adapter makes its own connections for blocking reads. */
  client: ReturnType<typeof newClient>;
  /** socket.io's adapter, made on first use (it starts reading the stream at once). */
  adapter: () => ReturnType<typeof createAdapter>;
  close: () => Promise<void>;
};
const CONNECT_TIMEOUT_MS = 10_000;

const newClient = (url: string) =>
  createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } });

/**
 * With REDIS_URL, socket.io instances share rooms and broadcasts through a Redis stream, and count
 * rate limits together (RateLimits). The Streams adapter (rather than pub/sub) resumes the stream
 * after a Redis blip without losing packets: each instance reads on from the last entry it saw.
 * The client reconnects by itself; meanwhile commands wait in its offline queue, so nothing
 * published in the gap is dropped.
 * At boot an unreachable Redis stops the start with a clear message.
 */
export async function connectRedis(url: string): Promise<HearthRedis> {
  const logger = new Logger('Redis');
  const client = newClient(url);
  let ready = false;
  client.on('error', (err: Error) => {
    // Blips are expected (restart, failover); the client reconnects. Say so once per outage.
    if (ready) logger.warn({ msg: 'Redis connection lost; reconnecting', error: err.message });
    ready = false;
  });
  client.on('ready', () => {
    if (!ready) logger.log('Redis connected');
    ready = true;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS))),
    ]);
  } catch (err) {
    client.destroy();
    throw new Error(`REDIS_URL could not be reached (${(err as Error).message}). Start Redis or unset REDIS_URL to run one instance alone.`);
  } finally {
    clearTimeout(timer);
  }
  let adapter: ReturnType<typeof createAdapter> | undefined;
  return {
    client,
    adapter: () => (adapter ??= createAdapter(client, { streamName: 'hearth:socket.io', maxLen: 10_000 })),
    // Called once per socket.io server on shutdown; the first call closes the client.
    close: async () => {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}
