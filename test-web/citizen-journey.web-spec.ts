// The whole citizen journey in one browser session, from search to rating. The citizen signs in once with an OTP
// read from the SMS-centre simulator and keeps that session throughout (no second OTP, so the production resend
// limits stay as they are); the officers' steps in between go through the API.
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { act, BASE, getJson, officerLogin, otpFor, PDF, randomPhone, see, shot, uploadViaApi, useBrowser } from './browser';

const PROCEDURE = 'Cấp bản sao Trích lục hộ tịch';

describe('citizen journey: search → sign-in → e-form → submit → supplement → pay → result → rate', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));

  it('a civil-status transcript (paid online, delivered online), with the ward acting in between', async () => {
    const phone = randomPhone();

    // Search, without and then with diacritics: the same procedure comes up.
    await page.goto(`${BASE}/`);
    const search = page.getByLabel('Tên thủ tục (có dấu hoặc không dấu)');
    await search.fill('trich luc ho tich');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await see(page, /Tìm thấy \d+ thủ tục cho “trich luc ho tich”/);
    await page.getByRole('link', { name: PROCEDURE }).waitFor();
    await search.fill('trích lục hộ tịch');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await see(page, /Tìm thấy \d+ thủ tục cho “trích lục hộ tịch”/);
    await shot(page, '30-journey-search');
    await page.getByRole('link', { name: PROCEDURE }).click();

    // The procedure: level, time, components and the fee (per copy, paid before processing).
    await see(page.getByRole('heading', { level: 1 }), PROCEDURE);
    await see(page, 'Toàn trình');
    await see(page, 'Trong ngày — 4 giờ làm việc');
    await see(page, 'Tờ khai cấp bản sao Trích lục hộ tịch theo mẫu');
    await see(page.locator('li', { hasText: 'Phí khai thác, sử dụng thông tin' }), '8.000 đồng');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();

    // One OTP sign-in, kept for the whole journey.
    await see(page, 'Đăng nhập bằng số điện thoại');
    await page.getByLabel('Số điện thoại di động').fill(phone);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Nhận mã xác thực' }).click();
    await see(page, 'Mã xác thực đã được gửi');
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(await otpFor(phone, t0));
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    // The e-form generated from the procedure's JSON Schema, with inline messages in Vietnamese.
    await see(page, `Nộp hồ sơ: ${PROCEDURE}`);
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(page, 'Vui lòng chọn cơ quan tiếp nhận.');
    await see(page, 'Vui lòng chọn loại việc hộ tịch.');
    await see(page, 'Vui lòng tải lên tệp cho thành phần bắt buộc này.');
    await page.locator('#district option', { hasText: 'Quận Hoàn Kiếm' }).waitFor({ state: 'attached' });
    await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: 'Quận Hoàn Kiếm' });
    await page.locator('#commune option', { hasText: 'Phường Tràng Tiền' }).waitFor({ state: 'attached' });
    await page.getByLabel('Phường, xã, thị trấn').selectOption({ label: 'Phường Tràng Tiền' });
    await page.locator('#agency option', { hasText: 'Bộ phận Một cửa Phường Tràng Tiền' }).waitFor({ state: 'attached' });
    await page.getByLabel('Cơ quan tiếp nhận').selectOption({ label: 'Bộ phận Một cửa Phường Tràng Tiền' });

    await page.getByLabel('Họ và tên người nộp').fill('Phạm Quốc Bảo');
    await page.getByLabel('Số định danh cá nhân (CCCD, 12 số)').fill('001085067890');
    await page.getByLabel('Địa chỉ liên hệ').fill('8 Hàng Bài, Hoàn Kiếm, Hà Nội');

    const requester = page.getByRole('group', { name: 'Người yêu cầu' });
    await requester.getByLabel('Họ, chữ đệm và tên').fill('Phạm Quốc Bảo');
    await requester.getByLabel('Số định danh cá nhân (CCCD)').fill('00108506789'); // 11 digits
    await requester.getByLabel('Số điện thoại di động').fill(phone);
    await requester.getByLabel('Nơi cư trú').fill('8 Hàng Bài, Hoàn Kiếm, Hà Nội');
    await page.getByLabel('Loại việc hộ tịch').selectOption('Khai sinh');
    const subject = page.getByRole('group', { name: 'Người được cấp bản sao trích lục' });
    await subject.getByLabel('Họ, chữ đệm và tên').fill('Phạm Minh Anh');
    await subject.getByLabel('Ngày, tháng, năm sinh').fill('2019-04-12');
    await page.getByLabel('Cơ quan đã đăng ký').fill('UBND phường Tràng Tiền');
    await page.getByLabel('Số bản sao đề nghị cấp').fill('2');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(requester, 'Số định danh cá nhân gồm đúng 12 chữ số.');
    expect(await requester.getByLabel('Số định danh cá nhân (CCCD)').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '31-journey-form-inline-error');
    await expectAccessible(page, 'e-form with an inline error');
    await requester.getByLabel('Số định danh cá nhân (CCCD)').fill('001085067890');
    await page.locator('#file-TK').setInputFiles(PDF('to-khai.pdf'));
    await see(page, 'Đã tải lên: to-khai.pdf');
    await page.locator('#file-GTTT').setInputFiles(PDF('cccd.pdf'));
    await see(page, 'Đã tải lên: cccd.pdf');
    expect(await requester.getByText('Số định danh cá nhân gồm đúng 12 chữ số.').count()).toBe(0);
    await page.getByLabel('Hình thức nhận kết quả').selectOption('online');

    // Submit: the code; the receipt comes once the desk has received the dossier.
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await see(page, 'Nộp hồ sơ thành công');
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^001\.35\.22\.H26-\d{6}-\d{4,}$/);
    await page.getByRole('button', { name: 'Giấy tiếp nhận (PDF)' }).click();
    await see(page, 'Giấy tiếp nhận sẽ có sau khi cán bộ tiếp nhận hồ sơ.');
    await shot(page, '32-journey-submitted');
    await expectAccessible(page, 'submitted (code)');

    // The desk finds the identity document unreadable and asks for it again.
    const desk = await officerLogin('tn.trangtien');
    const leader = await officerLogin('ld.trangtien');
    const specialist = await officerLogin('cv.trangtien');
    let x = await getJson(`/dossiers/${code}`, desk.token);
    x = await act(desk.token, code, 'request-supplement', { version: x.version, reason: 'Ảnh CCCD bị mờ, đề nghị tải lại bản rõ nét', components: ['GTTT'] });

    // My dossiers → the dossier → the supplementation.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    const card = page.locator('.card', { hasText: code });
    await see(card, 'Yêu cầu bổ sung');
    await shot(page, '33-journey-my-dossiers');
    await card.getByRole('link', { name: code }).click();
    await see(page.getByRole('heading', { level: 1 }), `Hồ sơ ${code}`);
    await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#file-GTTT').setInputFiles(PDF('cccd-ro-net.pdf'));
    await see(dialog, 'Đã tải lên: cccd-ro-net.pdf');
    await shot(page, '34-journey-supplement');
    await dialog.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await see(page, 'Đã bổ sung hồ sơ thành công.');
    await see(page.locator('.facts .badge').first(), 'Mới');

    // Received: the fee for two copies falls due at once; the receipt is there now.
    x = await act(desk.token, code, 'accept', { version: (await getJson(`/dossiers/${code}`, desk.token)).version });
    expect(x).toMatchObject({ status: 'payment_requested', feesOutstandingVnd: 16_000 });
    await page.reload();
    await see(page.locator('.facts .badge').first(), 'Yêu cầu thực hiện nghĩa vụ tài chính');
    const [receipt] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/dossiers/${code}/documents/receipt`)),
      page.waitForEvent('popup').then((popup) => popup.waitForURL(/^blob:/).then(() => popup.close())),
      page.getByRole('button', { name: 'Giấy tiếp nhận (PDF)' }).click(),
    ]);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');

    // Pay online on the gateway simulator's page; only the signed IPN changes the dossier.
    await page.getByRole('button', { name: 'Thanh toán trực tuyến (16.000 đồng)' }).click();
    await page.waitForURL(/127\.0\.0\.1:3310\/paymentv2/);
    await see(page.locator('body'), '16.000 VND');
    await shot(page, '35-journey-gateway');
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL(/\/api\/v1\/payments\/vnpay\/return/);
    let paid = false;
    for (let i = 0; i < 20 && !paid; i++) {
      await page.goto(`${BASE}/ho-so/${code}`);
      await see(page, 'Phí, lệ phí');
      paid = (await page.getByText('Đã thanh toán').count()) > 0;
      if (!paid) await page.waitForTimeout(500);
    }
    await see(page, 'Đã nộp: 16.000 đồng');
    await see(page.locator('.facts .badge').first(), 'Đã tiếp nhận');
    expect(await page.getByRole('region', { name: 'Kết quả giải quyết' }).count()).toBe(0);
    await shot(page, '36-journey-paid');

    // The ward decides: assign, propose with the transcript copy as a file, approve.
    const transcript = PDF('ban-sao-trich-luc.pdf');
    x = await getJson(`/dossiers/${code}`, desk.token);
    x = await act(x.availableActions.includes('assign') ? desk.token : leader.token, code, 'assign', { version: x.version, officerId: specialist.id });
    const resultFileId = await uploadViaApi(specialist.token, transcript);
    x = await act(specialist.token, code, 'propose', {
      version: x.version,
      outcome: 'grant',
      note: 'Đã tra cứu sổ hộ tịch, đề nghị cấp 02 bản sao',
      resultFileIds: [resultFileId],
    });
    x = await act(leader.token, code, 'approve', { version: x.version });
    expect(x).toMatchObject({ status: 'resolved', feesOutstandingVnd: 0 });

    // Released: the citizen downloads the result itself.
    await page.reload();
    await see(page.locator('.facts .badge').first(), 'Đã có kết quả, chờ trả');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải kết quả: ban-sao-trich-luc.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('ban-sao-trich-luc.pdf');
    // What the citizen gets is the copy signed with the agency's certificate at approval: the upload plus its signature.
    const received = readFileSync((await download.path())!);
    expect(received.subarray(0, 40)).toEqual(transcript.buffer.subarray(0, 40));
    expect(received.toString('latin1')).toMatch(/\/SubFilter\s*\/adbe\.pkcs7\.detached/);
    await shot(page, '37-journey-result');
    await expectAccessible(page, 'citizen dossier with the result');

    // Returned online; the citizen rates the service (a reason is required when unsatisfied).
    await act(desk.token, code, 'return-result', { version: (await getJson(`/dossiers/${code}`, desk.token)).version, method: 'online' });
    await page.reload();
    await see(page.locator('.facts .badge').first(), 'Đã trả kết quả');
    await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).click();
    const rate = page.getByRole('dialog');
    await rate.getByLabel('Không hài lòng').check();
    await rate.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await see(rate, 'Vui lòng cho biết lý do không hài lòng.');
    await rate.getByLabel('Rất hài lòng').check();
    await rate.getByLabel('Ý kiến (nếu có)').fill('Nhận kết quả trực tuyến trong ngày, rất thuận tiện.');
    await shot(page, '38-journey-rate');
    await expectAccessible(page, 'rating dialog');
    await rate.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await see(page, 'Đã đánh giá thành công.');
    await see(page, 'Bạn đã đánh giá: Rất hài lòng');
    expect(await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).count()).toBe(0);

    // The public lookup (a kiosk) shows the finished dossier by code and the last four phone digits.
    await page.evaluate('localStorage.clear()');
    await page.goto(`${BASE}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('4 số cuối điện thoại người nộp').fill(phone.slice(-4));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await see(page.locator('.result .badge'), 'Đã trả kết quả');
  });
});
