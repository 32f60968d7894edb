// The portal's main journeys in a real browser against the real system (see global-setup.ts).
import { Page } from 'playwright-core';
import { act, BASE, Browser, officerLogin, officerSignIn, officerToken, useCitizenToken, openBrowser, otpFor, PDF, randomPhone, see, shot, submitDossierViaApi } from './browser';

describe('web portal journeys', () => {
  let browser: Browser;
  let page: Page;
  let submitted: { code: string; phone: string } | undefined;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.context.newPage();
  });
  afterEach(async () => {
    await page.close();
  });

  it('(1) citizen: search without diacritics → procedure → OTP sign-in → e-form → 3 PDFs → submit → dossier code', async () => {
    const phone = randomPhone();
    await page.goto(`${BASE}/`);
    await page.getByLabel('Tên thủ tục (có dấu hoặc không dấu)').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await see(page, /Tìm thấy \d+ thủ tục/);
    await shot(page, '01-citizen-search');
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();

    await see(page.getByRole('heading', { level: 1 }), 'Thủ tục đăng ký khai sinh');
    await see(page, 'Toàn trình');
    await see(page, 'Thành phần hồ sơ');
    await see(page, 'Giấy chứng sinh');
    await shot(page, '02-citizen-procedure');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();

    await see(page, 'Đăng nhập bằng số điện thoại');
    await page.getByLabel('Số điện thoại di động').fill(phone);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Nhận mã xác thực' }).click();
    await see(page, 'Mã xác thực đã được gửi');
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(await otpFor(phone, t0));
    await shot(page, '03-citizen-otp');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    await see(page, 'Nộp hồ sơ: Thủ tục đăng ký khai sinh');
    // Client-side validation in Vietnamese before anything is sent.
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(page, 'Vui lòng chọn cơ quan tiếp nhận.');
    await see(page, 'Vui lòng khai ít nhất một trong các mục');
    await shot(page, '04-citizen-form-errors');

    await page.locator('#district option', { hasText: 'Quận Hoàn Kiếm' }).waitFor({ state: 'attached' });
    await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: 'Quận Hoàn Kiếm' });
    await page.locator('#commune option', { hasText: 'Phường Tràng Tiền' }).waitFor({ state: 'attached' });
    await page.getByLabel('Phường, xã, thị trấn').selectOption({ label: 'Phường Tràng Tiền' });
    await page.locator('#agency option', { hasText: 'Bộ phận Một cửa Phường Tràng Tiền' }).waitFor({ state: 'attached' });
    await page.getByLabel('Cơ quan tiếp nhận').selectOption({ label: 'Bộ phận Một cửa Phường Tràng Tiền' });

    await page.getByLabel('Họ và tên người nộp').fill('Nguyễn Thị Lan');
    await page.getByLabel('Số định danh cá nhân (CCCD, 12 số)').fill('001190054321');
    await page.getByLabel('Địa chỉ liên hệ').fill('25 Tràng Tiền, Hoàn Kiếm, Hà Nội');

    const mother = page.getByRole('group', { name: 'Thông tin người mẹ' });
    await mother.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Thị Lan');
    await mother.getByLabel('Ngày, tháng, năm sinh').fill('1992-03-08');
    await mother.getByLabel('Dân tộc').fill('Kinh');
    await mother.getByLabel('Quốc tịch').fill('Việt Nam');
    await mother.getByLabel('Nơi cư trú').fill('25 Tràng Tiền, Hoàn Kiếm, Hà Nội');

    const child = page.getByRole('group', { name: 'Người được khai sinh' });
    await child.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Minh Châu');
    await child.getByLabel('Giới tính').selectOption('Nữ');
    await child.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-10');
    await child.getByLabel('Nơi sinh').fill('Bệnh viện Phụ sản Hà Nội');
    await child.getByLabel('Dân tộc').fill('Kinh');
    await child.getByLabel('Quốc tịch').fill('Việt Nam');
    await child.getByLabel('Quê quán').fill('Hà Nội');

    const requester = page.getByRole('group', { name: 'Người đi đăng ký khai sinh' });
    await requester.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Thị Lan');
    await requester.getByLabel('Số định danh cá nhân').fill('00119005432'); // 11 digits: caught in the browser
    await requester.getByLabel('Quan hệ với người được khai sinh').selectOption('Mẹ');
    await requester.getByLabel('Số điện thoại di động').fill(phone);
    await requester.getByLabel('Nơi cư trú').fill('25 Tràng Tiền, Hoàn Kiếm, Hà Nội');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(requester, 'Số định danh cá nhân gồm đúng 12 chữ số.');
    await requester.getByLabel('Số định danh cá nhân').fill('001190054321');

    await page.locator('#file-TK').setInputFiles(PDF('to-khai.pdf'));
    await see(page, 'Đã tải lên: to-khai.pdf');
    await page.locator('#file-GCS').setInputFiles(PDF('giay-chung-sinh.pdf'));
    await see(page, 'Đã tải lên: giay-chung-sinh.pdf');
    await page.locator('#file-GTTT').setInputFiles(PDF('cccd.pdf'));
    await see(page, 'Đã tải lên: cccd.pdf');
    await shot(page, '05-citizen-form-filled');

    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(page, 'Nộp hồ sơ thành công');
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^001\.35\.22\.H26-\d{6}-\d{4}$/);
    await see(page, 'Mới');
    await shot(page, '06-citizen-submitted');
    submitted = { code, phone };

    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await see(page.getByRole('heading', { level: 1 }), `Hồ sơ ${code}`);
    await see(page, 'Quá trình xử lý');
    await see(page.locator('.timeline'), 'Nộp hồ sơ');
    await page.goto(`${BASE}/ho-so`);
    await see(page, code);
    await shot(page, '07-citizen-my-dossiers');
  });

  it('(2) officer: tn.trangtien finds the dossier in the worklist and accepts it', async () => {
    const { code } = submitted ?? { code: (await submitDossierViaApi(randomPhone())).code };
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

  it('(3) public tracking by code and the last four phone digits, without signing in', async () => {
    const phone = submitted?.phone ?? randomPhone();
    const code = submitted?.code ?? (await submitDossierViaApi(phone)).code;
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

  it('(4) a stale version (accept in two tabs) shows the conflict message and reloads', async () => {
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

  it('(5) citizen pays a requested fee online through the VNPay gateway', async () => {
    const phone = randomPhone();
    const d = await submitDossierViaApi(phone);
    const accepted = await act(await officerToken('tn.trangtien'), d.code, 'accept', { version: d.version });
    await act(await officerToken('cv.trangtien'), d.code, 'request-payment', { version: accepted.version, amount: 50000 });
    await useCitizenToken(page, d.token, phone);
    await page.goto(`${BASE}/ho-so/${d.code}`);
    await see(page.locator('.facts .badge').first(), 'Yêu cầu thực hiện nghĩa vụ tài chính');
    await shot(page, '13-citizen-payment-requested');
    await page.getByRole('button', { name: /Thanh toán trực tuyến/ }).click();
    await page.waitForURL(/127\.0\.0\.1:3310\/paymentv2/);
    await see(page.locator('body'), '50.000 VND');
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL(/\/api\/v1\/payments\/vnpay\/return/);
    await shot(page, '14-gateway-return');
    let paid = false;
    for (let i = 0; i < 20 && !paid; i++) {
      await page.goto(`${BASE}/ho-so/${d.code}`);
      await see(page, 'Phí, lệ phí');
      paid = (await page.getByText('Đã thanh toán').count()) > 0;
      if (!paid) await page.waitForTimeout(500);
    }
    await see(page, 'Đã nộp: 50.000 đồng');
    expect(await page.getByRole('button', { name: /Thanh toán trực tuyến/ }).count()).toBe(0);
    await shot(page, '15-citizen-paid');
  });

  it('(6) citizen answers a supplementation request with a new file', async () => {
    const phone = randomPhone();
    const d = await submitDossierViaApi(phone);
    await act(await officerToken('tn.trangtien'), d.code, 'request-supplement', { version: d.version, reason: 'Giấy chứng sinh bị mờ, đề nghị tải lại bản rõ nét', components: ['GCS'] });
    await useCitizenToken(page, d.token, phone);
    await page.goto(`${BASE}/ho-so/${d.code}`);
    await see(page.locator('.facts .badge').first(), 'Yêu cầu bổ sung');
    await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#file-GCS').setInputFiles(PDF('giay-chung-sinh-ro-net.pdf'));
    await see(dialog, 'Đã tải lên: giay-chung-sinh-ro-net.pdf');
    await shot(page, '16-citizen-supplement');
    await dialog.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await see(page, 'Đã bổ sung hồ sơ thành công.');
    await see(page.locator('.timeline'), 'Bổ sung hồ sơ');
  });

  it('(7) operations view: a leader sees the processing report and drills down to a ward', async () => {
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

  it('(8) citizen rates the service once the result is returned', async () => {
    const phone = randomPhone();
    const d = await submitDossierViaApi(phone);
    const tn = await officerToken('tn.trangtien');
    const cv = await officerLogin('cv.trangtien');
    let x = await act(tn, d.code, 'accept', { version: d.version });
    const leader = await officerToken('ld.trangtien');
    x = await act(x.availableActions.includes('assign') ? tn : leader, d.code, 'assign', { version: x.version, officerId: cv.id });
    x = await act(cv.token, d.code, 'propose', { version: x.version, outcome: 'grant', note: 'Đủ điều kiện đăng ký khai sinh' });
    x = await act(leader, d.code, 'approve', { version: x.version });
    x = await act(tn, d.code, 'return-result', { version: x.version, method: 'desk' });
    await useCitizenToken(page, d.token, phone);
    await page.goto(`${BASE}/ho-so/${d.code}`);
    await see(page.locator('.facts .badge').first(), 'Đã trả kết quả');
    await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Không hài lòng').check();
    await dialog.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await see(dialog, 'Vui lòng cho biết lý do không hài lòng.');
    await dialog.getByLabel('Rất hài lòng').check();
    await shot(page, '18-citizen-rate');
    await dialog.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await see(page, 'Đã đánh giá thành công.');
  });

  it('(9) officers: accept → assign (specialist picker) → propose → approve → return, entirely in the UI', async () => {
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
    await perform('Phân công', 'Đang xử lý', async (dialog) => {
      const picker = dialog.getByLabel('Chuyển cho chuyên viên');
      await picker.locator('option', { hasText: '(cv.trangtien)' }).waitFor({ state: 'attached' });
      const label = (await picker.locator('option', { hasText: '(cv.trangtien)' }).textContent())!.trim();
      expect(label).toMatch(/^\S.* \(cv\.trangtien\)$/);
      // A native, labelled <select> (keyboard-operable); its value is the specialist's id.
      await picker.focus();
      await picker.selectOption({ label });
      expect(await picker.inputValue()).toBe(cv.id);
      await dialog.getByLabel('Ghi chú (nếu có)').fill('Đề nghị xử lý trong ngày');
    }, '21-officers-assign-dialog');
    await shot(page, '22-officers-assigned');

    await openAs('cv.trangtien', 'Đang xử lý');
    await perform('Đề xuất kết quả', 'Chờ phê duyệt', async (dialog) => {
      await dialog.getByLabel(/^Đề xuất/).selectOption('grant');
      await dialog.getByLabel('Nội dung đề xuất').fill('Đủ điều kiện đăng ký khai sinh, đề nghị cấp giấy khai sinh');
    }, '23-officers-propose-dialog');
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
});
