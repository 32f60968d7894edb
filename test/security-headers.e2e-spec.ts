import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestApp, TestApp } from '@dvc/testing';

/** What every answer carries (OWASP secure headers); HSTS only when the request came over TLS. */
describe('security headers', () => {
  let behindProxy: TestApp;
  let direct: TestApp;

  beforeAll(async () => {
    behindProxy = await startTestApp({ TRUST_PROXY: 'true', SMS_PROVIDER: 'log' });
    direct = await startTestApp({ TRUST_PROXY: 'false', SMS_PROVIDER: 'log' });
  }, 60_000);
  afterAll(async () => {
    await behindProxy?.close();
    await direct?.close();
  });

  const csp = (header: unknown) =>
    Object.fromEntries(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v.join(' ')]),
    );

  it.each([
    ['an API answer', '/api/v1/procedures', 200],
    ['a problem', '/api/v1/dossiers', 401],
    ['an unknown route', '/api/v1/nothing-here', 404],
    ['the health check', '/health', 200],
  ])('%s has CSP with frame-ancestors none, Referrer-Policy, nosniff and no HSTS over plain HTTP', async (_label, path, status) => {
    const res = await direct.http.get(path).set('X-Forwarded-Proto', 'https').expect(status);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['script-src']).toBe("'self'");
    expect(policy['object-src']).toBe("'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    // X-Forwarded-Proto from a client the listener does not trust must not switch HSTS on.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it("behind a trusted TLS proxy (TRUST_PROXY, X-Forwarded-Proto: https) HSTS is sent; over the proxy's plain HTTP it is not", async () => {
    const tls = await behindProxy.http.get('/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await behindProxy.http.get('/health').set('X-Forwarded-Proto', 'http').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  // Only after `npm run build` (the e2e run does not build the portal): the page must work under script-src 'self'.
  const built = existsSync(resolve(process.cwd(), 'dist/web/index.html'));
  (built ? it : it.skip)('the built web portal and Swagger UI load only scripts from our own origin, under the policy', async () => {
    for (const path of ['/', '/mot-cua/tiep-nhan', '/docs']) {
      const res = await direct.http.get(path).redirects(1).expect(200);
      expect(csp(res.headers['content-security-policy'])['script-src']).toBe("'self'");
      const scripts = [...String(res.text).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect({ path, attributes, inline: body.trim().length > 0 && !/type="application\/json"/.test(attributes) }).toEqual({
          path,
          attributes,
          inline: false,
        });
        expect(attributes).not.toMatch(/src="(https?:)?\/\//);
      }
    }
  });
});
