// The auditors' page: an administrative change made through the API shows in the audit log with who, when and
// what changed; the filters narrow it; a desk officer has no link to it.
import { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { BASE, officerSignIn, officerToken, see, shot, useBrowser } from './browser';

async function createOfficer(token: string, username: string): Promise<void> {
  const res = await fetch(`${BASE}/api/v1/admin/officers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username, fullName: 'Đặng Thị Nhật Ký', title: 'Chuyên viên', agencyCode: '000.35.22.H26', roles: ['specialist'] }),
  });
  if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
}

describe('the audit log in the portal', () => {
  let page: Page;
  useBrowser((opened) => (page = opened), { pagePerTest: true });

  it('an administrator finds the account just created, with its fields, and filters the log', async () => {
    const username = `cv.nhatky${Date.now().toString(36)}`;
    await createOfficer(await officerToken('admin'), username);
    await officerSignIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Nhật ký' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Nhật ký quản trị');
    const row = page.getByRole('row').filter({ hasText: username });
    await see(row, 'Tài khoản cán bộ');
    await see(row, 'Tạo mới');
    await see(row, 'admin');
    await expectAccessible(page, 'audit log');

    await page.getByLabel('Đối tượng', { exact: true }).selectOption('officer');
    await page.getByLabel('Thao tác', { exact: true }).selectOption('create');
    await page.getByLabel('Người thực hiện (tên đăng nhập)').fill('admin');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await see(row, username);
    const actions = await page.locator('table.table tbody tr td:nth-child(5)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Tạo mới']));
    await row.getByText('Chi tiết').click();
    await see(row.locator('pre.json'), '"username"');
    await expectAccessible(page, 'audit log filtered, a change opened');
    await shot(page, '70-admin-audit-log');

    await page.getByLabel('Từ ngày').fill('2020-01-01');
    await page.getByLabel('Đến ngày').fill('2020-01-02');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await see(page, 'Không có bản ghi nào.');
  });

  it('a desk officer has no link to the log, and the API refuses it', async () => {
    await officerSignIn(page, 'tn.trangtien');
    await expect(page.getByRole('link', { name: 'Quản trị' }).count()).resolves.toBe(0);
    await page.goto(`${BASE}/mot-cua/quan-tri/nhat-ky`);
    await see(page.getByRole('alert'), 'Bạn không có quyền thực hiện thao tác này.');
  });
});
