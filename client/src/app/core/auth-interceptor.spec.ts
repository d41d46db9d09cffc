import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aStaff } from '../../testing/staff';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { Auth } from './auth';
import { sessionEndedInterceptor } from './auth-interceptor';

describe(sessionEndedInterceptor.name, () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...testProviders(), provideRouter([])] });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await signInAs(aStaff());
  });

  it('should sign out and go to /login when an API call answers 401', async () => {
    const request = firstValueFrom(http.get('/api/staff'));
    const { body, opts } = apiError(401, 'auth.required');
    backend.expectOne('/api/staff').flush(body, opts);

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(TestBed.inject(Auth).staff()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({ queryParams: expect.objectContaining({ session: 'ended' }) }));
  });

  it('should leave a 401 from the auth endpoints to the caller', async () => {
    const request = firstValueFrom(http.post('/api/auth/login', {}));
    const { body, opts } = apiError(401, 'auth.invalid_credentials');
    backend.expectOne('/api/auth/login').flush(body, opts);

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(TestBed.inject(Auth).staff()).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('should not sign out on other errors', async () => {
    const request = firstValueFrom(http.get('/api/staff'));
    const { body, opts } = apiError(403, 'auth.forbidden');
    backend.expectOne('/api/staff').flush(body, opts);

    await expect(request).rejects.toMatchObject({ status: 403 });
    expect(TestBed.inject(Auth).staff()).not.toBeNull();
  });
});
