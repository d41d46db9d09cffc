import { DOCUMENT, InjectionToken, inject } from '@angular/core';

/** Tiny key-value store over localStorage that never throws (private browsing may refuse it). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function storageOver(storage: Storage | null | undefined): KeyValueStore {
  return {
    get: (key) => {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        storage?.setItem(key, value);
      } catch {
        // Full or refused: the value still lives in memory for this visit.
      }
    },
    remove: (key) => {
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

export const CHAT_STORAGE = new InjectionToken<KeyValueStore>('CHAT_STORAGE', {
  providedIn: 'root',
  factory: () => {
    const view = inject(DOCUMENT).defaultView;
    let storage: Storage | null = null;
    try {
      storage = view?.localStorage ?? null;
    } catch {
      storage = null;
    }
    return storageOver(storage);
  },
});
