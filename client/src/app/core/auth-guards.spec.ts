import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aStaff } from '../../testing/staff';
import { signInAs, signedOut, testProviders } from '../../testing/providers';
import { routes } from '../app.routes';
import { Role } from './staff';

/** These run the app's real route table, so they check the guards as they are wired. */
describe('route guards', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...testProviders(), provideRouter(routes)] });
    harness = await RouterTestingHarness.create();
  });

  const url = () => TestBed.inject(Router).url;
  const signInWithRole = (role: Role) => signInAs(aStaff({ role }));

  describe('signedInGuard', () => {
    it('should send a signed-out visitor to /login with the page as returnUrl', async () => {
      await signedOut();
      await harness.navigateByUrl('/stories');

      expect(url()).toBe('/login?returnUrl=%2Fstories');
    });

    it('should let a signed-in staff member through', async () => {
      await signInWithRole('agent');

      await harness.navigateByUrl('/stories');

      expect(url()).toBe('/stories');
    });
  });

  describe('the session check', () => {
    it('should ask the server once, however many staff pages are opened', async () => {
      await signInWithRole('agent');
      await harness.navigateByUrl('/stories');
      await harness.navigateByUrl('/desk');

      expect(url()).toBe('/desk');
      expect(TestBed.inject(HttpTestingController).match('/api/auth/me')).toEqual([]);
    });

    it('should wait for the answer before deciding', async () => {
      const navigated = harness.navigateByUrl('/stories');
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush({ staff: aStaff({ role: 'manager' }) });
      await navigated;

      expect(url()).toBe('/stories');
    });

    it('should never be made on the public forum', async () => {
      await harness.navigateByUrl('/forum');

      expect(url()).toBe('/forum');
      expect(TestBed.inject(HttpTestingController).match('/api/auth/me')).toEqual([]);
    });
  });

  describe('roleGuard', () => {
    it('should let an admin open /admin', async () => {
      await signInWithRole('admin');

      await harness.navigateByUrl('/admin');

      expect(url()).toBe('/admin');
    });

    it('should send an agent who opens /admin to the desk', async () => {
      await signInWithRole('agent');

      await harness.navigateByUrl('/admin');

      expect(url()).toBe('/desk');
    });

    it('should send store staff who open /desk to the store', async () => {
      await signInWithRole('store');

      await harness.navigateByUrl('/desk');

      expect(url()).toBe('/store');
    });
  });

  describe('home redirect', () => {
    it.each<[Role, string]>([
      ['store', '/store'],
      ['agent', '/desk'],
      ['manager', '/desk'],
      ['admin', '/desk'],
    ])('should start %s staff at %s', async (role, home) => {
      await signInWithRole(role);

      await harness.navigateByUrl('/');

      expect(url()).toBe(home);
    });
  });

  describe('signedOutGuard', () => {
    it('should send a signed-in staff member away from /login to the returnUrl', async () => {
      await signInWithRole('manager');

      await harness.navigateByUrl('/login?returnUrl=%2Fforum');

      expect(url()).toBe('/forum');
    });

    it('should not follow a returnUrl that leaves the app', async () => {
      await signInWithRole('agent');

      await harness.navigateByUrl('/login?returnUrl=%2F%2Fevil.example');

      expect(url()).toBe('/desk');
    });
  });

  it('should show the not-found page inside the frame for an unknown address', async () => {
    await signInWithRole('agent');

    await harness.navigateByUrl('/no/such/page');

    expect(url()).toBe('/no/such/page');
    expect(harness.routeNativeElement?.textContent).toContain('这里什么也没有');
  });
});
