import { startTestApp, TestApp } from '@dvc/testing';

describe('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers while the process is up', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('GET /health/ready checks PostgreSQL and Redis', async () => {
    const res = await t.http.get('/health/ready').expect(200);
    expect(res.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('GET /docs-json is generated from the code and documents the public routes', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/units',
      '/api/v1/units/{code}',
      '/api/v1/procedures',
      '/api/v1/procedures/{code}',
      '/api/v1/auth/officers/login',
      '/api/v1/auth/citizens/otp',
      '/api/v1/auth/citizens/verify',
      '/health',
      '/health/ready',
    ]) {
      expect(res.body.paths).toHaveProperty([path]);
    }
    expect(res.body.components.schemas.OfficerLoginDto.required).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('GET /docs serves the Swagger UI', async () => {
    const res = await t.http.get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', type: expect.stringContaining('/problems/') });
  });
});
