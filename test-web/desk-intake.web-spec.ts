// The receiving officer records a walk-in dossier at the desk: generated e-form, scanned components, code, receipt.
import { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { BASE, getJson, officerSignIn, officerToken, PDF, randomPhone, see, shot, useBrowser } from './browser';

describe('desk intake of a walk-in dossier', () => {
  let page: Page;
  useBrowser((opened) => (page = opened));

  it('tn.trangtien records a birth registration that came by post (UPU S10 item number) and prints the receipt', async () => {
    const phone = randomPhone();
    await officerSignIn(page, 'tn.trangtien');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Tiếp nhận hồ sơ trực tiếp');
    const procedure = page.getByLabel('Thủ tục hành chính');
    await procedure.locator('option', { hasText: 'Thủ tục đăng ký khai sinh' }).waitFor({ state: 'attached' });
    await procedure.selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await see(page, 'Thông tin người nộp hồ sơ');

    // Checked in the browser before anything is sent, in Vietnamese, next to the fields.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await see(page, 'Vui lòng nhập họ và tên (ít nhất 2 ký tự).');
    await see(page, 'Vui lòng khai ít nhất một trong các mục');
    await see(page, 'Vui lòng tải lên bản chụp của giấy tờ bắt buộc này.');
    expect(await page.evaluate('document.activeElement.id')).toBe('app-fullName');
    await shot(page, '50-desk-intake-errors');

    await page.getByLabel('Họ và tên người nộp').fill('Lê Thị Hoa');
    await page.getByLabel('Số định danh cá nhân (CCCD, 12 số)').fill('001192011223');
    await page.getByLabel('Số điện thoại di động').first().fill(phone);
    await page.getByLabel('Địa chỉ liên hệ').fill('3 Tràng Tiền, Hoàn Kiếm, Hà Nội');
    const mother = page.getByRole('group', { name: 'Thông tin người mẹ' });
    await mother.getByLabel('Họ, chữ đệm và tên').fill('Lê Thị Hoa');
    await mother.getByLabel('Ngày, tháng, năm sinh').fill('1994-07-21');
    await mother.getByLabel('Dân tộc').fill('Kinh');
    await mother.getByLabel('Quốc tịch').fill('Việt Nam');
    await mother.getByLabel('Nơi cư trú').fill('3 Tràng Tiền, Hoàn Kiếm, Hà Nội');
    const child = page.getByRole('group', { name: 'Người được khai sinh' });
    await child.getByLabel('Họ, chữ đệm và tên').fill('Lê Gia Hân');
    await child.getByLabel('Giới tính').selectOption('Nữ');
    await child.getByLabel('Ngày, tháng, năm sinh').fill('2026-10-30');
    await child.getByLabel('Nơi sinh').fill('Bệnh viện Bạch Mai');
    await child.getByLabel('Dân tộc').fill('Kinh');
    await child.getByLabel('Quốc tịch').fill('Việt Nam');
    await child.getByLabel('Quê quán').fill('Hà Nội');
    const requester = page.getByRole('group', { name: 'Người đi đăng ký khai sinh' });
    await requester.getByLabel('Họ, chữ đệm và tên').fill('Lê Thị Hoa');
    await requester.getByLabel('Số định danh cá nhân').fill('001192011223');
    await requester.getByLabel('Quan hệ với người được khai sinh').selectOption('Mẹ');
    await requester.getByLabel('Số điện thoại di động').fill(phone);
    await requester.getByLabel('Nơi cư trú').fill('3 Tràng Tiền, Hoàn Kiếm, Hà Nội');
    await page.locator('#file-TK').setInputFiles(PDF('to-khai-quet.pdf'));
    await see(page, 'Đã tải lên: to-khai-quet.pdf');
    await page.locator('#file-GCS').setInputFiles(PDF('giay-chung-sinh-quet.pdf'));
    await see(page, 'Đã tải lên: giay-chung-sinh-quet.pdf');
    await page.locator('#file-GTTT').setInputFiles(PDF('cccd-quet.pdf'));
    await see(page, 'Đã tải lên: cccd-quet.pdf');
    await page.getByLabel('Hình thức nhận kết quả').selectOption('post');
    // It came by the public postal service: the item number is checked (S10 check digit) before anything is sent.
    await page.getByLabel('Hình thức nộp').selectOption('post');
    await page.getByLabel('Số hiệu bưu gửi').fill('EE123456789VN');
    await page.getByLabel('Ngày bưu cục chuyển đến').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await see(page, 'Số hiệu bưu gửi sai chữ số kiểm tra');
    await page.getByLabel('Số hiệu bưu gửi').fill('ee 123456785 vn');
    await shot(page, '51-desk-intake-filled');
    await expectAccessible(page, 'desk intake: filled in');

    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await see(page, 'Đã tiếp nhận hồ sơ');
    const code = (await page.getByTestId('desk-dossier-code').textContent())!.trim();
    expect(code).toMatch(/^001\.35\.22\.H26-\d{6}-\d{4,}$/);
    await see(page.locator('.alert .badge'), 'Đã tiếp nhận');
    await see(page, /Hẹn trả kết quả: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}|Hẹn trả kết quả: \d{2}\/\d{2}\/\d{4}/);
    await shot(page, '52-desk-intake-done');
    await expectAccessible(page, 'desk intake: recorded');

    // Printing the receipt (Form 01): the PDF, fetched with the officer's token, opens in a new tab.
    const [receipt] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/dossiers/${code}/documents/receipt`)),
      page.waitForEvent('popup').then((popup) => popup.waitForURL(/^blob:/).then(() => popup.close())),
      page.getByRole('button', { name: 'In giấy tiếp nhận (Mẫu 01)' }).click(),
    ]);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect(await page.getByRole('alert').count()).toBe(0);

    // Recorded as received at the desk, with what was filled in.
    const d = await getJson(`/dossiers/${code}`, await officerToken('tn.trangtien'));
    expect(d).toMatchObject({
      status: 'received',
      channel: 'post',
      resultDelivery: 'post',
      agencyCode: '001.35.22.H26',
      postal: { itemNumber: 'EE123456785VN' },
      applicant: { fullName: 'Lê Thị Hoa', idNumber: '001192011223', phone: '84' + phone.slice(1) },
      form: { me: { hoTen: 'Lê Thị Hoa' }, treEm: { hoTen: 'Lê Gia Hân', gioiTinh: 'Nữ' }, nguoiYeuCau: { quanHe: 'Mẹ' } },
    });
    expect(d.dueAt).not.toBeNull();
    expect(d.components.map((c: { code: string; fileIds: string[] }) => `${c.code}:${c.fileIds.length}`).sort()).toEqual(['GCS:1', 'GTTT:1', 'TK:1']);

    await page.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await see(page.getByRole('heading', { level: 1 }), `Hồ sơ ${code}`);
    await see(page.locator('.facts .badge').first(), 'Đã tiếp nhận');
    await page.goto(`${BASE}/mot-cua/tiep-nhan`);
    await see(page.getByRole('heading', { level: 1 }), 'Tiếp nhận hồ sơ trực tiếp');
  });
});
