import { HttpTestingController } from '@angular/common/http/testing';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { Auth } from '../core/auth';
import { DRAFTS_KEY, OUTBOX_KEY, forgetRepliesOnSignOut } from './reply-storage';

const me = aStaff({ id: 'staff-me' });
const reply = (clientId: string, staffId: string) => ({ clientId, customerId: 'c-1', staffId, body: '您好', status: 'waiting' });

describe(forgetRepliesOnSignOut.name, () => {
  beforeEach(() => sessionStorage.clear());

  function signOut(): void {
    TestBed.inject(Auth).logout().subscribe();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
  }

  it('should clear my replies and drafts from the tab at sign-out, even if no conversation was opened', async () => {
    sessionStorage.setItem(OUTBOX_KEY, JSON.stringify([reply('mine-1', me.id), reply('theirs-1', 'staff-other')]));
    sessionStorage.setItem(DRAFTS_KEY, JSON.stringify({ 'staff-me:c-1': '还有', 'staff-other:c-2': '稍后回复' }));
    TestBed.configureTestingModule({ providers: testProviders() });
    runInInjectionContext(TestBed.inject(EnvironmentInjector), forgetRepliesOnSignOut);
    await signInAs(me);

    signOut();

    expect(JSON.parse(sessionStorage.getItem(OUTBOX_KEY)!)).toEqual([reply('theirs-1', 'staff-other')]);
    expect(JSON.parse(sessionStorage.getItem(DRAFTS_KEY)!)).toEqual({ 'staff-other:c-2': '稍后回复' });
  });

  it('should keep my replies when the session merely ended (I sign back in and carry on)', async () => {
    sessionStorage.setItem(OUTBOX_KEY, JSON.stringify([reply('mine-1', me.id)]));
    TestBed.configureTestingModule({ providers: testProviders() });
    runInInjectionContext(TestBed.inject(EnvironmentInjector), forgetRepliesOnSignOut);
    await signInAs(me);

    TestBed.inject(Auth).endSession();

    expect(JSON.parse(sessionStorage.getItem(OUTBOX_KEY)!)).toEqual([reply('mine-1', me.id)]);
  });
});
