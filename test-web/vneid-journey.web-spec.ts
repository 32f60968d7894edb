// The VNeID sign-in in a browser: the portal's button, the simulator's login page (a real OpenID provider on 3340),
// back signed in with the identity shown read-only on the e-form, and the sign-out that ends both sessions.
import { Page } from 'playwright-core';
import { BASE, see, shot, useBrowser } from './browser';

describe('citizen signs in with VNeID and out again', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));

  it('picks a demo identity on VNeID, files with it read-only, and signs out at both ends', async () => {
    await page.goto(`${BASE}/dang-nhap?next=/nop/1.001193`);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await see(page, 'Đăng nhập bằng tài khoản định danh điện tử VNeID');
    expect(new URL(page.url()).port).toBe('3340');
    await page.getByLabel(/Nguyễn Văn An — CCCD 001090012345/).check();
    await shot(page, '60-vneid-login');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.waitForURL(`${BASE}/nop/1.001193`);
    await see(page, 'Thông tin người nộp hồ sơ');
    expect(await page.locator('#app-fullName').inputValue()).toBe('Nguyễn Văn An');
    expect(await page.locator('#app-fullName').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('#app-idNumber').inputValue()).toBe('001090012345');
    expect(await page.locator('#app-idNumber').getAttribute('readonly')).not.toBeNull();
    await see(page, 'VNeID mức 2 (đã xác thực với CSDL quốc gia về dân cư)');
    await shot(page, '61-vneid-prefilled');

    const providerSignedOut = page.waitForResponse((r) => r.url().includes(':3340/session/end/confirm'));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    expect((await providerSignedOut).status()).toBe(303);
    await page.waitForURL(`${BASE}/`);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => localStorage.getItem('dvc.citizen'))).toBeNull();

    // VNeID's session ended too: signing in again asks for the identity instead of coming straight back.
    await page.goto(`${BASE}/dang-nhap`);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await see(page, 'Đăng nhập bằng tài khoản định danh điện tử VNeID');
  });
});
