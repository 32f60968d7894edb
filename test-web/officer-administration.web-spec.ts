// An administrator creates an officer in the portal; the officer's first sign-in sets their own password, and a
// second factor enrolled on the account page is asked for at every sign-in after.
import { Page } from 'playwright-core';
import { base32Decode } from '../libs/core/src/officers/base32';
import { totpCode } from '../libs/core/src/officers/totp';
import { expectAccessible } from './a11y';
import { BASE, officerSignIn, openBrowser, see, shot, useBrowser } from './browser';

/**
 * The code of the first 30-second period after `after` (each code is good once): the current one, or the next,
 * which the server accepts one period early as it does for a phone whose clock runs a little fast.
 */
function authenticatorCode(secret: string, after = -1): { code: string; step: number } {
  const step = Math.max(Math.floor(Date.now() / 1000 / 30), after + 1);
  return { code: totpCode(base32Decode(secret), step * 30), step };
}

async function passwordStep(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${BASE}/mot-cua/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('officer administration in the portal', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));

  it('admin creates a leader, who sets a password, enrols TOTP and is asked for it at the next sign-in', async () => {
    const username = `ld.web${Date.now().toString(36)}`;
    await officerSignIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Tài khoản cán bộ');
    await page.locator('table.table').waitFor();
    await expectAccessible(page, 'admin officers list');

    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cán bộ' });
    // A role the form needs and a malformed agency identifier: the API's field errors show beside the fields.
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill('Trương Thị Thu');
    await dialog.getByLabel('Chức danh (in trên phiếu)').fill('Phó Chủ tịch UBND phường');
    await dialog.getByLabel('Mã định danh cơ quan').fill('35.22.H26');
    await dialog.getByLabel('Công chức tiếp nhận hồ sơ').uncheck();
    await dialog.getByLabel('Lãnh đạo').check();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await see(dialog, 'Thông tin chưa hợp lệ');
    await expectAccessible(page, 'admin officer form with errors');
    await shot(page, '60-admin-officer-form-errors');
    await dialog.getByLabel('Mã định danh cơ quan').fill('000.35.22.H26');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    const row = page.getByRole('row').filter({ hasText: username });
    await see(row, 'Lãnh đạo');
    await see(row, 'Chờ đổi mật khẩu');
    await shot(page, '61-admin-officer-created');

    // The same username again is refused with the API's reason, and no second account appears.
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill('Người khác');
    await dialog.getByLabel('Mã định danh cơ quan').fill('000.35.22.H26');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/taken|đã có|already|exists/i);
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
    await page.getByLabel('Tìm theo tên đăng nhập hoặc họ tên').fill(username);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: username }).count()).resolves.toBe(1);

    // The new officer, in a browser of their own.
    const officer = await openBrowser();
    try {
      const own = await officer.context.newPage();
      await passwordStep(own, username, temporary);
      await see(own, 'Hãy đặt mật khẩu mới của riêng bạn');
      await expectAccessible(own, 'forced password change');
      const password = 'gió mùa đông bắc về trên phố cổ';
      await own.getByLabel('Mật khẩu mới', { exact: true }).fill('hanoi2026');
      await own.getByLabel('Nhập lại mật khẩu mới').fill('hanoi2026');
      await own.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await see(own, 'Mật khẩu mới chưa đạt yêu cầu');
      await own.getByLabel('Mật khẩu mới', { exact: true }).fill(password);
      await own.getByLabel('Nhập lại mật khẩu mới').fill(password);
      await own.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await see(own, 'Danh sách hồ sơ');

      await own.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
      await see(own.getByRole('heading', { level: 1 }), 'Tài khoản của tôi');
      await own.getByRole('button', { name: 'Cài đặt ứng dụng xác thực' }).click();
      await own.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).waitFor();
      await expectAccessible(own, 'second factor enrolment');
      const secret = (await own.locator('.totp-secret').textContent())!.trim();
      const first = authenticatorCode(secret);
      await own.getByLabel('Mã 6 chữ số').fill(first.code);
      await own.getByRole('button', { name: 'Xác nhận' }).click();
      await see(own, 'Đã bật xác thực hai yếu tố.');
      const recoveryCodes = await own.getByRole('list', { name: 'Mã khôi phục' }).getByRole('listitem').allTextContents();
      expect(recoveryCodes).toHaveLength(10);
      await shot(own, '62-officer-recovery-codes');
      await own.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
      await see(own, 'Từ lần đăng nhập sau');
      await own.getByRole('button', { name: 'Đăng xuất' }).click();

      await passwordStep(own, username, password);
      await own.getByLabel('Mã xác thực').waitFor();
      await own.getByLabel('Mã xác thực').fill('000000');
      await own.getByRole('button', { name: 'Xác nhận' }).click();
      await see(own, 'Mã xác thực không đúng hoặc đã được dùng.');
      const next = authenticatorCode(secret, first.step);
      await own.getByLabel('Mã xác thực').fill(next.code);
      await own.getByRole('button', { name: 'Xác nhận' }).click();
      await see(own, 'Danh sách hồ sơ');
      await own.locator('table.worklist').waitFor();
    } finally {
      await officer.close();
    }

    // Back at the administrator's list: the account now has its own password and a second factor.
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const updated = page.getByRole('row').filter({ hasText: username });
    await see(updated, 'Có xác thực hai yếu tố');
    expect(await updated.textContent()).not.toContain('Chờ đổi mật khẩu');
  });
});
