// The administrator adds an office to a district and names a procedure it processes, on the agencies page.
import { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { BASE, getJson, officerToken, see, shot, useBrowser } from './browser';

// Quận Ba Đình (GSO 001, the city's first district): People's Committee 000.00.21.H26; no other journey works there.
const OFFICE = '000.08.21.H26';
const OFFICE_NAME = 'Phòng Văn hóa và Thông tin Quận Ba Đình';
const PROCEDURE = '1.001612';

describe('agencies and desks administration', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));

  it('admin signs in, opens a district, creates an office (a malformed identifier is refused first) and assigns it a procedure', async () => {
    await page.goto(`${BASE}/mot-cua/dang-nhap?next=/mot-cua/quan-tri/co-quan`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Quản trị cơ quan, bộ phận tiếp nhận');
    await see(page, 'Cơ quan của Thành phố Hà Nội');

    await page.getByLabel('Đơn vị trực thuộc').selectOption({ label: 'Quận Ba Đình (001)' });
    await page.getByRole('button', { name: 'Mở đơn vị' }).click();
    await see(page, 'Cơ quan của Quận Ba Đình');
    await see(page.getByRole('cell'), '000.00.21.H26');
    await expectAccessible(page, 'admin-agencies');

    const create = page.getByRole('form', { name: 'Thêm cơ quan của Quận Ba Đình' });
    await create.getByLabel('Mã định danh (QCVN 102:2016)').fill('8.21.H26');
    await create.getByLabel('Tên cơ quan').fill(OFFICE_NAME);
    await create.getByRole('checkbox', { name: 'Văn hóa', exact: true }).check();
    await create.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await see(create, 'Mã định danh chưa đúng: theo cấu trúc QCVN 102:2016');
    expect(await create.getByLabel('Mã định danh (QCVN 102:2016)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'admin-agencies-refused');
    await shot(page, '70-admin-agencies-refused');

    await create.getByLabel('Mã định danh (QCVN 102:2016)').fill(OFFICE);
    await create.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await see(page, `Đã thêm cơ quan ${OFFICE} — ${OFFICE_NAME}.`);
    const row = page.getByRole('row').filter({ hasText: OFFICE });
    await see(row, 'Theo cấp và lĩnh vực');

    await row.getByRole('button', { name: `Sửa ${OFFICE_NAME}` }).click();
    const edit = page.getByRole('form', { name: `Sửa cơ quan ${OFFICE}` });
    await edit.getByLabel('Thủ tục giải quyết (mã thủ tục; để trống: theo lĩnh vực)').fill(PROCEDURE);
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await see(page, `Đã lưu cơ quan ${OFFICE}.`);
    await see(page.getByRole('row').filter({ hasText: OFFICE }), `Giải quyết: ${PROCEDURE}`);
    await expectAccessible(page, 'admin-agencies-saved');
    await shot(page, '71-admin-agencies-saved');

    const stored = await getJson(`/admin/agencies/${OFFICE}`, await officerToken('admin'));
    expect(stored).toMatchObject({
      code: OFFICE,
      name: OFFICE_NAME,
      kind: 'office',
      unitCode: '001',
      sectors: ['culture'],
      procedures: { receives: [], processes: [PROCEDURE] },
      open: true,
    });
  });
});
