import { OUTBOX_STORAGE_KEY, Outbox, OutboxEntry, isSendable } from './outbox';
import { memoryStore } from './testing/chat-fakes';

const text = (clientId: string, body = 'hello'): OutboxEntry => ({ clientId, createdAt: 1000, body, state: 'sending' });

describe(Outbox.name, () => {
  it('should persist an entry the moment it is added', () => {
    const store = memoryStore();
    new Outbox(store).add(text('c-1-abcdefgh', '你好 👋'));

    expect(JSON.parse(store.data.get(OUTBOX_STORAGE_KEY)!)).toEqual([text('c-1-abcdefgh', '你好 👋')]);
  });

  it('should bring back unsent entries after a reload, with the same clientId', () => {
    const store = memoryStore();
    const before = new Outbox(store);
    before.add(text('c-1-abcdefgh'));
    before.add({ ...text('c-2-abcdefgh', 'too long'), state: 'failed', error: { code: 'validation', message: '太长' } });

    const after = new Outbox(store);

    expect(after.entries().map((e) => [e.clientId, e.state, e.error?.message])).toEqual([
      ['c-1-abcdefgh', 'sending', undefined],
      ['c-2-abcdefgh', 'failed', '太长'],
    ]);
  });

  it('should forget an entry once removed, and clear storage when empty', () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    outbox.add(text('c-1-abcdefgh'));

    expect(outbox.remove('c-1-abcdefgh')).toBe(true);
    expect(outbox.remove('c-1-abcdefgh')).toBe(false);
    expect(outbox.entries()).toEqual([]);
    expect(store.data.has(OUTBOX_STORAGE_KEY)).toBe(false);
  });

  it('should not add the same clientId twice', () => {
    const outbox = new Outbox(memoryStore());
    outbox.add(text('c-1-abcdefgh', 'first'));
    outbox.add(text('c-1-abcdefgh', 'second'));

    expect(outbox.entries().map((e) => e.body)).toEqual(['first']);
  });

  it('should keep an image still uploading in memory only, and store it once uploaded', () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    outbox.add({ clientId: 'img-1-abcdefgh', createdAt: 1, uploading: true, state: 'sending' });

    expect(outbox.entries()).toHaveLength(1);
    expect(store.data.has(OUTBOX_STORAGE_KEY)).toBe(false);
    expect(isSendable(outbox.get('img-1-abcdefgh')!)).toBe(false);

    outbox.update('img-1-abcdefgh', { uploading: undefined, imageId: 'image-1' });

    expect(new Outbox(store).entries().map((e) => e.imageId)).toEqual(['image-1']);
    expect(isSendable(outbox.get('img-1-abcdefgh')!)).toBe(true);
  });

  it('should take entries another tab stored, keeping its own uploads', () => {
    const store = memoryStore();
    const here = new Outbox(store);
    here.add({ clientId: 'img-1-abcdefgh', createdAt: 5000, uploading: true, state: 'sending' });
    const otherTab = new Outbox(store);
    otherTab.add(text('c-9-abcdefgh'));

    here.syncFromStorage();

    expect(here.entries().map((e) => e.clientId)).toEqual(['c-9-abcdefgh', 'img-1-abcdefgh']);
  });

  it('should keep another tab\'s unsent message when this tab adds and removes its own', () => {
    const store = memoryStore();
    const tabA = new Outbox(store);
    const tabB = new Outbox(store);
    tabA.add({ ...text('a-1-abcdefgh', 'offline in A'), createdAt: 1000 });

    tabB.add({ ...text('b-1-abcdefgh', 'acked soon'), createdAt: 2000 });
    tabB.add({ ...text('b-2-abcdefgh', 'still pending'), createdAt: 3000 });
    tabB.remove('b-1-abcdefgh');
    tabA.syncFromStorage();

    const pending = ['a-1-abcdefgh', 'b-2-abcdefgh'];
    expect(tabA.entries().map((e) => e.clientId)).toEqual(pending);
    expect(tabB.entries().map((e) => e.clientId)).toEqual(pending);
    expect(new Outbox(store).entries().map((e) => e.clientId)).toEqual(pending);
  });

  it('should drop an entry another tab settled, even before its storage event arrives', () => {
    const store = memoryStore();
    const tabA = new Outbox(store);
    tabA.add({ ...text('a-1-abcdefgh'), createdAt: 1000 });
    const tabB = new Outbox(store);
    tabB.remove('a-1-abcdefgh');

    tabA.add({ ...text('a-2-abcdefgh'), createdAt: 2000 });

    expect(tabA.entries().map((e) => e.clientId)).toEqual(['a-2-abcdefgh']);
    expect(new Outbox(store).entries().map((e) => e.clientId)).toEqual(['a-2-abcdefgh']);
  });

  it('should keep entries in memory when storage refuses them', () => {
    const refusing = { get: () => null, set: () => undefined, remove: () => undefined };
    const outbox = new Outbox(refusing);
    outbox.add({ ...text('c-1-abcdefgh'), createdAt: 1000 });
    outbox.add({ ...text('c-2-abcdefgh'), createdAt: 2000 });
    outbox.remove('c-2-abcdefgh');
    outbox.syncFromStorage();

    expect(outbox.entries().map((e) => e.clientId)).toEqual(['c-1-abcdefgh']);
  });

  it('should ignore a corrupt stored outbox', () => {
    const outbox = new Outbox(memoryStore({ [OUTBOX_STORAGE_KEY]: '{not json' }));
    expect(outbox.entries()).toEqual([]);
  });

  it('should not send failed entries', () => {
    expect(isSendable({ ...text('c-1-abcdefgh'), state: 'failed' })).toBe(false);
    expect(isSendable(text('c-1-abcdefgh'))).toBe(true);
  });
});
