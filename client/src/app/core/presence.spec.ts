import { WritableSignal, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { PageVisibility } from './page-visibility';
import { AWAY_AFTER_HIDDEN_MS, Presence } from './presence';
import { Realtime } from './realtime';

describe(Presence.name, () => {
  let realtime: FakeRealtime;
  let visible: WritableSignal<boolean>;

  async function start(): Promise<Presence> {
    realtime = new FakeRealtime();
    visible = signal(true);
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        { provide: Realtime, useValue: realtime },
        { provide: PageVisibility, useValue: { visible } },
      ],
    });
    await signInAs(aStaff({ id: 'me', displayName: '林晓' }));
    const presence = TestBed.inject(Presence);
    TestBed.tick();
    return presence;
  }

  afterEach(() => jest.useRealTimers());

  it('should announce me online, and again after each reconnect', async () => {
    await start();
    expect(realtime.presences).toEqual(['online']);
    realtime.reconnect();
    expect(realtime.presences).toEqual(['online', 'online']);
  });

  it('should go away after the tab has been hidden for a while, and come back when seen', async () => {
    const presence = await start();
    jest.useFakeTimers();
    visible.set(false);
    TestBed.tick();
    jest.advanceTimersByTime(AWAY_AFTER_HIDDEN_MS - 1000);
    expect(presence.status()).toBe('online');
    jest.advanceTimersByTime(1000);
    TestBed.tick();
    expect(presence.status()).toBe('away');
    expect(realtime.presences.at(-1)).toBe('away');
    visible.set(true);
    TestBed.tick();
    expect(presence.status()).toBe('online');
    expect(realtime.presences.at(-1)).toBe('online');
  });

  it('should not go away for a short look elsewhere', async () => {
    const presence = await start();
    jest.useFakeTimers();
    visible.set(false);
    TestBed.tick();
    jest.advanceTimersByTime(60_000);
    visible.set(true);
    TestBed.tick();
    jest.advanceTimersByTime(AWAY_AFTER_HIDDEN_MS);
    expect(presence.status()).toBe('online');
    expect(realtime.presences).toEqual(['online']);
  });

  it('should stay away when I chose away, even while the tab is visible', async () => {
    const presence = await start();
    presence.choose('away');
    TestBed.tick();
    expect(realtime.presences.at(-1)).toBe('away');
    expect(presence.status()).toBe('away');
  });

  it('should list colleagues online by name, without me or those away', async () => {
    const presence = await start();
    realtime.staffPresence.set([
      { id: 'me', name: '林晓', status: 'online' },
      { id: 's-2', name: '陈思远', status: 'online' },
      { id: 's-3', name: '周婷', status: 'away' },
    ]);
    expect(presence.colleaguesOnline().map((s) => s.name)).toEqual(['陈思远']);
  });
});
