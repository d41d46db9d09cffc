import { insecureContext } from '../testing/insecure-context';
import { newClientId } from './client-id';

const SERVER_RULE = /^[A-Za-z0-9_-]{8,64}$/;

describe(newClientId.name, () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it('should make distinct ids the server accepts where crypto.randomUUID is missing (plain http)', () => {
    restore = insecureContext();
    expect(globalThis.crypto.randomUUID).toBeUndefined();

    const ids = Array.from({ length: 200 }, () => newClientId());

    for (const id of ids) expect(id).toMatch(SERVER_RULE);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should make distinct ids the server accepts without Web Crypto at all', () => {
    restore = insecureContext({ noCrypto: true });

    const ids = Array.from({ length: 200 }, () => newClientId());

    for (const id of ids) expect(id).toMatch(SERVER_RULE);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should use crypto.randomUUID where the browser has it', () => {
    expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
