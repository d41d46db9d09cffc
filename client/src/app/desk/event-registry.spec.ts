import { EVENT_RENDERERS, rendererFor } from './event-registry';
import { ChatMessageEvent } from './chat-message-event';
import { safeUrl } from './event-renderer';
import { GenericEvent } from './generic-event';
import { NoteEvent } from './note-event';

describe('rendererFor', () => {
  it('should pick the renderer registered for a kind', () => {
    expect(rendererFor('chat.message')).toBe(ChatMessageEvent);
    expect(rendererFor('note')).toBe(NoteEvent);
  });

  it('should fall back to the generic renderer for unknown kinds', () => {
    expect(rendererFor('sms.message')).toBe(GenericEvent);
    expect(rendererFor('toString')).toBe(GenericEvent);
  });

  it('should know every kind the desk shows', () => {
    expect(Object.keys(EVENT_RENDERERS)).toEqual(
      expect.arrayContaining(['wechat.message', 'forum.post', 'store.visit', 'case.opened', 'case.resolved', 'gesture', 'customer.merged', 'identity.linked']),
    );
  });

  it('should only link to web addresses', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://forum.example/t/1')).toBe('https://forum.example/t/1');
  });
});
