// The administrator previews the 2025 arrangement of Hà Nội's communes before scheduling it: what it would create,
// close and move, with nothing changed. (Scheduling itself is covered by test/reorganization.e2e-spec.ts: the
// browser suite's database is shared by the other journeys, which need the old map.)
import { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { BASE, getJson, officerSignIn, officerToken, see, shot, useBrowser } from './browser';

describe('reorganisation of units in the portal', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));

  it('admin previews the 2025 map: units, agencies, officers and dossiers that would move; nothing changes', async () => {
    const before = await getJson('/units/00070', await officerToken('admin'));
    await officerSignIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Sắp xếp đơn vị' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Sắp xếp đơn vị hành chính');
    await see(page, 'Chưa có đợt sắp xếp nào.');
    await expectAccessible(page, 'reorganisations');

    // no date: the API's field error shows beside the field
    await page.getByLabel('Tên đợt sắp xếp').fill('Hà Nội 2025 — chính quyền hai cấp');
    await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    await page.locator('#reorg-date-error').waitFor();
    await expectAccessible(page, 'reorganisation form with errors');

    await page.getByLabel('Ngày có hiệu lực').fill('2025-07-01');
    await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    const preview = page.getByRole('region', { name: /Thay đổi nếu áp dụng/ });
    await preview.waitFor({ timeout: 60_000 });
    // Since 1 July 2025 Hà Nội has 126 communes and wards (domain.md; shared/data/hanoi-2025-merges.csv): new or carried on
    const units = /Đơn vị: (\d+) đơn vị mới, (\d+) giữ mã/.exec((await preview.textContent()) ?? '');
    expect(units && Number(units[1]) + Number(units[2])).toBe(126);
    await see(preview, /Cán bộ: \d+ chuyển/);
    await see(page.getByRole('table', { name: /Cán bộ/ }), 'tn.trangtien');
    await expectAccessible(page, 'reorganisation preview');
    await shot(page, '70-admin-reorganisation-preview');

    // the preview changed nothing
    await see(page, 'Chưa có đợt sắp xếp nào.');
    expect(await getJson('/units/00070', await officerToken('admin'))).toEqual(before);
  });
});
