/**
 * Makes the page look like plain http on a LAN address (not a secure context): Web Crypto keeps
 * `getRandomValues` but has no `randomUUID`, or (`noCrypto`) there is no Web Crypto at all.
 * Returns the function that puts the real one back.
 */
export function insecureContext(options: { noCrypto?: boolean } = {}): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  const real = globalThis.crypto;
  const value = options.noCrypto ? undefined : { getRandomValues: real.getRandomValues.bind(real) };
  Object.defineProperty(globalThis, 'crypto', { configurable: true, value });
  return () => {
    if (descriptor) Object.defineProperty(globalThis, 'crypto', descriptor);
    else delete (globalThis as { crypto?: Crypto }).crypto;
  };
}
