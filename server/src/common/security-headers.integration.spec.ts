import { startTestApp, TestApp } from '../testing/test-app';

describe('security headers', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('sends a strict Content-Security-Policy and the usual hardening headers on pages and API answers', async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    for (const url of ['/', '/desk/customers/x', '/forum', '/api/health']) {
      const res = await t.http().get(url);
      const csp = String(res.headers['content-security-policy']);
      const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `))?.trim();
      expect(directive('script-src')).toBe("script-src 'self'");
      expect(directive('script-src-attr')).toBe("script-src-attr 'none'");
      expect(directive('object-src')).toBe("object-src 'none'");
      expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(directive('connect-src')).toBe("connect-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('pins HTTPS (HSTS, upgrade-insecure-requests) only when the site says it is served over HTTPS', async () => {
    t = await startTestApp({ SEED_DEMO: 'false', COOKIE_SECURE: 'true' });
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
