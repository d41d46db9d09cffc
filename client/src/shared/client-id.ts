// Shared by the desk and the customer chat page: both must work on plain http at a store's LAN
// address, where browsers leave randomUUID out (it exists only on https or localhost).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A fresh id for a message or note, reused on every retry so the server stores it once: a UUID
 * where the browser has one, else 22 random [A-Za-z0-9_-] (both fit the server's 8–64 rule).
 */
export function newClientId(): string {
  const c: Crypto | undefined = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(22);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('');
}
