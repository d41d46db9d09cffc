const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A fresh client message id: a UUID where the browser has one, else 22 random [A-Za-z0-9_-]. */
export function newClientId(): string {
  const c: Crypto | undefined = globalThis.crypto;
  // randomUUID exists only in secure contexts (https or localhost).
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(22);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('');
}
