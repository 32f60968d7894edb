// axe-core on the main pages of the citizen portal, the desk and the operations view: no serious or critical
// violation (labels, contrast, names, landmarks, ARIA). Moderate and minor findings are printed, not failed.
import { Page } from 'playwright-core';
import { Audit, describeViolations, expectAccessible } from './a11y';
import { act, BASE, officerSignIn, officerToken, randomPhone, see, shot, submitDossierViaApi, useBrowser, useCitizenToken } from './browser';

describe('accessibility (axe-core) of the main pages', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));
  const audits: Audit[] = [];
  const check = async (name: string) => audits.push(await expectAccessible(page, name));

  afterAll(() => {
    const minor = describeViolations(audits, ['moderate', 'minor']);
    console.log(
      `axe-core audited ${audits.length} pages: ${audits.map((a) => a.page).join(', ')}${minor ? `\nmoderate and minor findings (not failing):\n${minor}` : '; no moderate or minor findings either'}`,
    );
  });

  it('citizen pages: search, procedure, sign-in, e-form with errors, my dossiers, dossier, tracking', async () => {
    await page.goto(`${BASE}/?q=khai%20sinh`);
    await see(page, /Tìm thấy \d+ thủ tục/);
    await check('home/search');

    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');

    // A link followed with the keyboard moves focus to the new page's content (announced by screen readers).
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).focus();
    await page.keyboard.press('Enter');
    await see(page.getByRole('heading', { level: 1 }), 'Thủ tục đăng ký khai sinh');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await page.goto(`${BASE}/thu-tuc/1.001193`);
    await see(page, 'Thành phần hồ sơ');
    await check('procedure');

    await page.goto(`${BASE}/dang-nhap`);
    await see(page, 'Đăng nhập bằng số điện thoại');
    await check('otp sign-in');

    const phone = randomPhone();
    const d = await submitDossierViaApi(phone);
    await act(await officerToken('tn.trangtien'), d.code, 'accept', { version: d.version });
    await useCitizenToken(page, d.token, phone);
    await page.goto(`${BASE}/nop/1.001193`);
    await see(page, 'Nộp hồ sơ: Thủ tục đăng ký khai sinh');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(page, 'Vui lòng chọn cơ quan tiếp nhận.');
    await check('e-form (with validation messages)');

    await page.goto(`${BASE}/ho-so`);
    await see(page, d.code);
    await check('my dossiers');

    await page.goto(`${BASE}/ho-so/${d.code}`);
    await see(page, 'Quá trình xử lý');
    await check('citizen dossier');

    await page.goto(`${BASE}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(d.code);
    await page.getByLabel('4 số cuối điện thoại người nộp').fill(phone.slice(-4));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await see(page, 'Các bước xử lý');
    await check('tracking');
  });

  it('desk pages: worklist, dossier with an action dialog, intake; the operations report', async () => {
    const { code } = await submitDossierViaApi(randomPhone());
    await officerSignIn(page, 'tn.trangtien');
    await check('desk worklist');

    await page.goto(`${BASE}/mot-cua/ho-so/${code}`);
    await see(page, 'Phiếu kiểm soát quá trình giải quyết');
    await check('desk dossier');
    await page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    await see(page.getByRole('dialog'), 'Xác nhận: Yêu cầu bổ sung');
    await check('desk action dialog');
    // The native modal dialog keeps focus inside and gives it back to the button that opened it.
    expect(await page.evaluate('!!document.activeElement.closest("dialog")')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Yêu cầu bổ sung');

    await page.goto(`${BASE}/mot-cua/tiep-nhan`);
    await page.getByLabel('Thủ tục hành chính').selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await see(page, 'Thông tin người nộp hồ sơ');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await see(page, 'Vui lòng nhập họ và tên (ít nhất 2 ký tự).');
    await check('desk intake (with validation messages)');

    await officerSignIn(page, 'ld.hoankiem');
    await page.goto(`${BASE}/mot-cua/bao-cao`);
    await page.locator('table.report tbody tr', { hasText: 'Phường Tràng Tiền' }).waitFor();
    await check('operations report');
    await shot(page, '40-a11y-report');
  });
});
