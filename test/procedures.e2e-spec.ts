import { startTestApp, TestApp } from '@dvc/testing';

describe('procedure catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['Đăng ký khai sinh', 'dang ky khai sinh', 'DANG KY KHAI SINH', 'khai sinh', 'đăng ký   khai sinh'])(
    'q=%j finds birth registration 1.001193',
    async (q) => {
      const res = await t.http.get('/api/v1/procedures').query({ q }).expect(200);
      expect(res.body.items.map((p: { code: string }) => p.code)).toContain('1.001193');
      expect(res.body.items[0].code).toBe('1.001193');
    },
  );

  it('q that matches nothing gives an empty page, not an error', async () => {
    const res = await t.http.get('/api/v1/procedures').query({ q: "'; drop table procedures; --" }).expect(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('lists at least 12 procedures, paged', async () => {
    const all = await t.http.get('/api/v1/procedures?pageSize=100').expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(12);
    const page1 = await t.http.get('/api/v1/procedures?pageSize=5&page=1').expect(200);
    const page2 = await t.http.get('/api/v1/procedures?pageSize=5&page=2').expect(200);
    expect(page1.body.items).toHaveLength(5);
    const ids = [...page1.body.items, ...page2.body.items].map((p: { code: string }) => p.code);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the pages together are the whole list, in order, each carrying the total; a page past the end is empty with the total', async () => {
    const all = (await t.http.get('/api/v1/procedures?pageSize=100').expect(200)).body;
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 4); page++) {
      const res = (await t.http.get(`/api/v1/procedures?pageSize=4&page=${page}`).expect(200)).body;
      expect(res).toMatchObject({ page, pageSize: 4, total: all.total });
      paged.push(...res.items.map((p: { code: string }) => p.code));
    }
    expect(paged).toEqual(all.items.map((p: { code: string }) => p.code));
    expect((await t.http.get('/api/v1/procedures?pageSize=4&page=500').expect(200)).body).toEqual({ items: [], page: 500, pageSize: 4, total: all.total });
    const search = (await t.http.get('/api/v1/procedures?q=h%E1%BB%99%20tich&pageSize=1&page=2').expect(200)).body;
    expect(search.total).toBeGreaterThanOrEqual(2);
    expect(search.items).toHaveLength(1);
  });

  it('filters by online level and shows both names of the level', async () => {
    const res = await t.http.get('/api/v1/procedures?onlineLevel=4&pageSize=100').expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const p of res.body.items) {
      expect(p.onlineLevel).toEqual({ level: 4, legacyName: 'Mức độ 4', decree42: 'end_to_end', decree42Name: 'Toàn trình' });
    }
    const level3 = await t.http.get('/api/v1/procedures?onlineLevel=3&pageSize=100').expect(200);
    expect(level3.body.items.length).toBeGreaterThan(0);
    expect(level3.body.total + res.body.total).toBe((await t.http.get('/api/v1/procedures?pageSize=100')).body.total);
  });

  it('filters by receiving level across all three levels', async () => {
    for (const level of ['commune', 'district', 'city']) {
      const res = await t.http.get(`/api/v1/procedures?level=${level}&pageSize=100`).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const p of res.body.items) expect(p.receivingLevels).toContain(level);
    }
  });

  it('shows a procedure in full: components, fees, time, levels, e-form, workflow', async () => {
    const res = await t.http.get('/api/v1/procedures/1.001193').expect(200);
    expect(res.body).toMatchObject({ code: '1.001193', receivingLevels: ['commune'], decidingLevel: 'commune' });
    expect(res.body.name.toLowerCase()).toContain('đăng ký khai sinh');
    expect(res.body.components.length).toBeGreaterThan(0);
    expect(res.body.components[0]).toEqual(
      expect.objectContaining({ originals: expect.any(Number), certifiedCopies: expect.any(Number), photocopies: expect.any(Number) }),
    );
    expect(res.body.formSchema).toMatchObject({ type: 'object' });
    expect(res.body.workflow.reduce((s: number, step: { sharePercent: number }) => s + step.sharePercent, 0)).toBe(100);
    expect(res.body.processingTime).toBeDefined();
  });

  it('has liên thông procedures: commune → district and district → city department', async () => {
    const res = await t.http.get('/api/v1/procedures?pageSize=100').expect(200);
    const details = await Promise.all(res.body.items.map((p: { code: string }) => t.http.get(`/api/v1/procedures/${p.code}`)));
    const crosses = (from: string, to: string) =>
      details.some(
        (d) => d.body.receivingLevels.includes(from) && d.body.decidingLevel === to && d.body.workflow.some((s: { level: string }) => s.level === to),
      );
    expect(crosses('commune', 'district')).toBe(true);
    expect(crosses('district', 'city')).toBe(true);
    const fees = details.flatMap((d) => d.body.fees);
    expect(fees.some((f: { basis: string }) => f.basis === 'per_copy')).toBe(true);
    expect(fees.some((f: { basis: string; amountVnd: number }) => f.basis === 'fixed' && f.amountVnd > 0)).toBe(true);
  });

  it('an unknown procedure is a 404 problem', async () => {
    await t.http.get('/api/v1/procedures/9.999999').expect(404);
  });

  it.each([
    ['onlineLevel=5', 'onlineLevel'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['page=abc', 'page'],
    [`q=${'x'.repeat(300)}`, 'q'],
  ])('?%s is a 422 naming %s', async (query, field) => {
    const res = await t.http.get(`/api/v1/procedures?${query}`).expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
