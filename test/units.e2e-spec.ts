import { importUnits } from '@dvc/units';
import { startTestApp, TestApp } from '@dvc/testing';
import { AgencyEntity, UnitEntity } from '@dvc/units';
import { testEnv } from '@dvc/testing';

describe('administrative units', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('imported the whole 3-level map: the city, 30 districts, 526 communes', async () => {
    const units = t.db.getRepository(UnitEntity);
    expect(await units.countBy({ level: 'city' })).toBe(1);
    expect(await units.countBy({ level: 'district' })).toBe(30);
    expect(await units.countBy({ level: 'commune' })).toBe(526);
  });

  it('lists the districts of the city', async () => {
    const res = await t.http.get('/api/v1/units').query({ parentCode: '01', level: 'district' }).expect(200);
    expect(res.body).toHaveLength(30);
    expect(res.body.find((u: { code: string }) => u.code === '002')).toMatchObject({
      name: 'Quận Hoàn Kiếm',
      type: 'Quận',
      level: 'district',
      parentCode: '01',
    });
  });

  it('lists the communes of Quận Hoàn Kiếm', async () => {
    const res = await t.http.get('/api/v1/units?parentCode=002').expect(200);
    expect(res.body).toHaveLength(18);
    expect(res.body.map((u: { code: string }) => u.code)).toContain('00079');
  });

  it('shows a unit with its parent and agencies named by electronic identifier', async () => {
    const res = await t.http.get('/api/v1/units/00079').expect(200);
    expect(res.body).toMatchObject({ code: '00079', name: 'Phường Tràng Tiền', level: 'commune', parent: { code: '002', name: 'Quận Hoàn Kiếm' } });
    expect(res.body.agencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '000.35.22.H26', kind: 'people_committee' }),
        expect.objectContaining({ code: '001.35.22.H26', kind: 'one_stop_desk', receives: true }),
        expect.objectContaining({ code: '002.35.22.H26', kind: 'office', sectors: ['justice'] }),
      ]),
    );
  });

  it("gives the city its People's Committee 000.00.00.H26 and the departments", async () => {
    const res = await t.http.get('/api/v1/units/01').expect(200);
    const codes = res.body.agencies.map((a: { code: string; name: string }) => `${a.code} ${a.name}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '000.00.00.H26 Ủy ban nhân dân Thành phố Hà Nội',
        '000.00.01.H26 Sở Tư pháp Hà Nội',
        '000.00.02.H26 Sở Xây dựng Hà Nội',
        '000.00.03.H26 Sở Tài nguyên và Môi trường Hà Nội',
        '000.00.04.H26 Sở Kế hoạch và Đầu tư Hà Nội',
      ]),
    );
    expect(res.body.childCount).toBe(30);
  });

  it('an unknown unit is a 404 problem', async () => {
    const res = await t.http.get('/api/v1/units/99999').expect(404);
    expect(res.body).toMatchObject({ status: 404, detail: 'Unit 99999 was not found.' });
  });

  it.each([
    ['level=province', 'level'],
    ['parentCode=abc', 'parentCode'],
    ['parentCode=1&parentCode=2', 'parentCode'],
    ['extra=1', 'extra'],
  ])('?%s is a 422 naming %s', async (query, field) => {
    const res = await t.http.get(`/api/v1/units?${query}`).expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('re-importing changes nothing, and the minimal fallback gives the same identifiers', async () => {
    const before = await t.db.getRepository(AgencyEntity).count();
    await t.db
      .transaction(async (em) => {
        const again = await importUnits(em, testEnv().UNITS_DATA_DIR);
        expect(again.units).toBe(557);
        const minimal = await importUnits(em, '/nonexistent-data-dir');
        expect(minimal.source).toBe('minimal built-in hierarchy');
        expect(await em.getRepository(AgencyEntity).count()).toBe(before);
        expect(await em.getRepository(AgencyEntity).findOneBy({ code: '001.35.22.H26' })).toMatchObject({ unitCode: '00079' });
        throw new RollbackForTest();
      })
      .catch((e) => {
        if (!(e instanceof RollbackForTest)) throw e;
      });
  });
});

class RollbackForTest extends Error {}
