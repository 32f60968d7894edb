// The desk's and the kiosk's journeys in a real browser against the real system (see global-setup.ts); the citizen's
// whole journey is in citizen-journey.web-spec.ts, the desk intake in desk-intake.web-spec.ts.
import { Page } from 'playwright-core';
import { act, BASE, officerLogin, officerSignIn, PDF, randomPhone, see, shot, submitDossierViaApi, uploadViaApi, useBrowser, useCitizenToken } from './browser';

describe('web portal journeys', () => {
  let page: Page;
  const browser = useBrowser((opened) => (page = opened), { pagePerTest: true });

  it('(1) officer: tn.trangtien finds the dossier in the worklist and accepts it', async () => {
    const { code } = await submitDossierViaApi(randomPhone());
    await officerSignIn(page, 'tn.trangtien');
    await page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill(code);
    await page.getByRole('button', { name: 'Lọc' }).click();
    const row = page.locator('table.worklist tbody tr', { hasText: code });
    await row.waitFor();
    await see(row, 'Mới');
    await shot(page, '08-desk-worklist');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '08b-desk-worklist-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await row.getByRole('link', { name: code }).click();

    await see(page.getByRole('heading', { level: 1 }), `Hồ sơ ${code}`);
    await see(page, 'Phiếu kiểm soát quá trình giải quyết');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await see(dialog, 'Xác nhận: Tiếp nhận');
    await shot(page, '09-desk-accept-dialog');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await see(page, 'Trạng thái mới: Đã tiếp nhận.');
    await see(page.locator('.facts .badge').first(), 'Đã tiếp nhận');
    await see(page.locator('.timeline'), 'Tiếp nhận');
    await shot(page, '10-desk-accepted');
    // Printing: the receipt PDF (fetched with the Bearer token) opens in a new tab.
    const [pdf] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Giấy tiếp nhận (Mẫu 01)' }).click()]);
    await pdf.waitForURL(/^blob:/);
    await pdf.close();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.goto(`${BASE}/mot-cua`);
    const after = page.locator('table.worklist tbody tr', { hasText: code });
    await see(after, 'Đã tiếp nhận');
  });

  it('(2) public tracking by code and the last four phone digits, without signing in', async () => {
    const phone = randomPhone();
    const { code } = await submitDossierViaApi(phone);
    const p = page;
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(`${BASE}/tra-cuu`);
    await p.evaluate('localStorage.clear()'); // a kiosk: nobody signed in
    await p.reload();
    await see(p, 'Đăng nhập');
    await p.getByLabel('Mã hồ sơ').fill(code);
    await p.getByLabel('4 số cuối điện thoại người nộp').fill(phone.slice(-4) === '0000' ? '1111' : '0000');
    await p.getByRole('button', { name: 'Tra cứu' }).click();
    await see(p, 'Không tìm thấy hồ sơ với mã và số điện thoại đã nhập.');
    await p.getByLabel('4 số cuối điện thoại người nộp').fill(phone.slice(-4));
    await p.getByRole('button', { name: 'Tra cứu' }).click();
    await see(p, `Hồ sơ ${code}`);
    await see(p, 'Thủ tục đăng ký khai sinh');
    await see(p.locator('.result .badge'), /Đã tiếp nhận|Mới/);
    await see(p, 'Các bước xử lý');
    await shot(p, '11-public-tracking-phone');
  });

  it('(3) a stale version (accept in two tabs) shows the conflict message and reloads', async () => {
    const { code } = await submitDossierViaApi(randomPhone());
    await officerSignIn(page, 'tn.trangtien');
    const second = await browser.context.newPage();
    try {
      await page.goto(`${BASE}/mot-cua/ho-so/${code}`);
      await second.goto(`${BASE}/mot-cua/ho-so/${code}`);
      await see(page.locator('.facts .badge').first(), 'Mới');
      await see(second.locator('.facts .badge').first(), 'Mới');

      await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
      await see(page, 'Trạng thái mới: Đã tiếp nhận.');

      await second.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
      await second.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
      await see(second, 'Hồ sơ đã được người khác cập nhật, vui lòng tải lại');
      await shot(second, '12-desk-conflict');
      await second.getByRole('button', { name: 'Tải lại' }).click();
      await see(second.locator('.facts .badge').first(), 'Đã tiếp nhận');
      expect(await second.getByText('Hồ sơ đã được người khác cập nhật').count()).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('(4) operations view: a leader sees the processing report and drills down to a ward', async () => {
    await officerSignIn(page, 'ld.hoankiem');
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await see(page, 'Báo cáo tình hình giải quyết hồ sơ');
    const row = page.locator('table.report tbody tr', { hasText: 'Phường Tràng Tiền' });
    await row.waitFor();
    await see(page.locator('table.report'), 'Tổng cộng');
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(1);
    await shot(page, '17-operations-report');
    await row.getByRole('button', { name: 'Phường Tràng Tiền' }).click();
    await see(page.locator('.crumbs strong'), 'Phường Tràng Tiền');
    await page.locator('table.report tbody tr', { hasText: 'Tổng cộng' }).waitFor();
    expect(await page.locator('table.report tbody tr').count()).toBe(2);
  });

  it('(5) officers: accept → assign (specialist picker) → propose → approve → return, entirely in the UI', async () => {
    const { code } = await submitDossierViaApi(randomPhone());
    const cv = await officerLogin('cv.trangtien');

    /** Signs in, finds the dossier in the worklist and opens it; checks its current status. */
    async function openAs(username: string, status: string) {
      await officerSignIn(page, username);
      await page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill(code);
      await page.getByRole('button', { name: 'Lọc' }).click();
      const row = page.locator('table.worklist tbody tr', { hasText: code });
      await row.waitFor();
      await see(row, status);
      await row.getByRole('link', { name: code }).click();
      await see(page.getByRole('heading', { level: 1 }), `Hồ sơ ${code}`);
      await see(page.locator('.facts .badge').first(), status);
    }
    /** Runs an action from the dialog and checks the new status in the notice, the badge and the timeline. */
    async function perform(button: string, status: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, screen?: string) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await see(dialog, `Xác nhận: ${button}`);
      if (fill) await fill(dialog);
      if (screen) await shot(page, screen);
      await dialog.getByRole('button', { name: 'Xác nhận' }).click();
      await see(page, `Trạng thái mới: ${status}.`);
      await see(page.locator('.facts .badge').first(), status);
      await see(page.locator('.timeline'), button);
      expect(await page.getByRole('dialog').count()).toBe(0);
    }

    await openAs('tn.trangtien', 'Mới');
    await perform('Tiếp nhận', 'Đã tiếp nhận');
    await shot(page, '20-officers-accepted');

    await openAs('ld.trangtien', 'Đã tiếp nhận');
    await perform(
      'Phân công',
      'Đang xử lý',
      async (dialog) => {
        const picker = dialog.getByLabel('Chuyển cho chuyên viên');
        await picker.locator('option', { hasText: '(cv.trangtien)' }).waitFor({ state: 'attached' });
        const label = (await picker.locator('option', { hasText: '(cv.trangtien)' }).textContent())!.trim();
        expect(label).toMatch(/^\S.* \(cv\.trangtien\)$/);
        // A native, labelled <select> (keyboard-operable); its value is the specialist's id.
        await picker.focus();
        await picker.selectOption({ label });
        expect(await picker.inputValue()).toBe(cv.id);
        await dialog.getByLabel('Ghi chú (nếu có)').fill('Đề nghị xử lý trong ngày');
      },
      '21-officers-assign-dialog',
    );
    await shot(page, '22-officers-assigned');

    await openAs('cv.trangtien', 'Đang xử lý');
    await perform(
      'Đề xuất kết quả',
      'Chờ phê duyệt',
      async (dialog) => {
        await dialog.getByLabel(/^Đề xuất/).selectOption('grant');
        await dialog.getByLabel('Nội dung đề xuất').fill('Đủ điều kiện đăng ký khai sinh, đề nghị cấp giấy khai sinh');
        await dialog.getByLabel('Tệp kết quả (nếu có)').setInputFiles(PDF('giay-khai-sinh.pdf'));
        await see(dialog, 'Đã tải lên 1 tệp.');
      },
      '23-officers-propose-dialog',
    );
    await see(page.getByRole('region', { name: 'Kết quả giải quyết' }), 'Tải kết quả: giay-khai-sinh.pdf');
    await shot(page, '24-officers-proposed');

    await openAs('ld.trangtien', 'Chờ phê duyệt');
    await perform('Phê duyệt', 'Đã có kết quả, chờ trả');
    await shot(page, '25-officers-approved');

    await openAs('tn.trangtien', 'Đã có kết quả, chờ trả');
    await perform('Trả kết quả', 'Đã trả kết quả', async (dialog) => {
      await dialog.getByLabel('Hình thức trả kết quả').selectOption('desk');
    });
    await shot(page, '26-officers-result-returned');

    // Finished dossiers leave the default worklist; they are found with the status filter.
    await page.goto(`${BASE}/mot-cua`);
    await page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill(code);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đã trả kết quả' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await see(page.locator('table.worklist tbody tr', { hasText: code }), 'Đã trả kết quả');
  });
  it('(6) a result held for an unpaid fee is announced, not offered, until the desk takes the payment', async () => {
    const phone = randomPhone();
    const d = await submitDossierViaApi(phone);
    const tn = await officerLogin('tn.trangtien');
    const cv = await officerLogin('cv.trangtien');
    const ld = await officerLogin('ld.trangtien');
    let x = await act(tn.token, d.code, 'accept', { version: d.version });
    x = await act(x.availableActions.includes('assign') ? tn.token : ld.token, d.code, 'assign', { version: x.version, officerId: cv.id });
    const fileId = await uploadViaApi(cv.token, PDF('trich-luc-khai-sinh.pdf'));
    x = await act(cv.token, d.code, 'propose', { version: x.version, outcome: 'grant', note: 'Đủ điều kiện', resultFileIds: [fileId] });
    x = await act(ld.token, d.code, 'approve', { version: x.version });
    // An extra amount asked for after approval holds the result like a pay-after fee (above the assessment: a leader's request).
    await act(ld.token, d.code, 'request-payment', { version: x.version, amount: 20000, note: 'Phí cấp thêm bản sao' });
    await useCitizenToken(page, d.token, phone);
    await page.goto(`${BASE}/ho-so/${d.code}`);
    const results = page.getByRole('region', { name: 'Kết quả giải quyết' });
    await see(results, 'Kết quả đã có và sẽ được trả sau khi bạn nộp đủ phí, lệ phí.');
    expect(await results.getByRole('button').count()).toBe(0);
    await shot(page, '27-citizen-result-held');
    const paid = await fetch(`${BASE}/api/v1/dossiers/${d.code}/payments/desk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tn.token}` },
      body: JSON.stringify({ method: 'cash' }),
    });
    expect(paid.status).toBe(201);
    await page.reload();
    await see(results, 'Tải kết quả: trich-luc-khai-sinh.pdf');
    expect(await page.getByText('sẽ được trả sau khi bạn nộp đủ phí').count()).toBe(0);
  });
});
