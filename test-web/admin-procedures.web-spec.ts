// The administrator keeps the catalogue: finds a procedure without diacritics, edits its fee, time and components
// as a draft, previews it with the deadline of a sample receipt, and publishes it from tomorrow. 2.000635 is seeded
// at 8.000 đ a copy, 4 working hours, same day (libs/catalog/src/seed/procedures/civil-status.procedures.ts).
import { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { BASE, officerSignIn, officerToken, see, shot, useBrowser } from './browser';

const hanoiDate = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const ddmmyyyy = (ymd: string) => ymd.split('-').reverse().join('/');

describe('procedure catalogue administration', () => {
  let page: Page;
  useBrowser((opened) => (page = opened), { pagePerTest: true });

  it('admin edits 2.000635 as a draft, is told what is wrong, previews it and publishes it from tomorrow', async () => {
    await officerSignIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Thủ tục' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Quản trị danh mục thủ tục hành chính');
    await page.getByLabel('Tìm thủ tục (có dấu hoặc không dấu)').fill('trich luc ho tich');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await see(page.getByRole('row', { name: /2\.000635/ }), 'Cấp bản sao Trích lục hộ tịch');
    await expectAccessible(page, 'admin catalogue: search');
    await page.getByRole('link', { name: 'Sửa thủ tục 2.000635' }).click();
    await see(page.getByRole('heading', { level: 1 }), 'Sửa thủ tục 2.000635');
    await see(page, 'Chưa có bản nháp; nội dung dưới đây là phiên bản 1.');
    await expect(page.getByLabel('Số tiền khoản thu 1 (đồng)').inputValue()).resolves.toBe('8000');

    // A negative fee is refused by the server, named next to the field; nothing is saved.
    await page.getByLabel('Số tiền khoản thu 1 (đồng)').fill('-1000');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await see(page, /Chưa lưu được, thông tin chưa hợp lệ: fees\[0\]\.amountVnd/);
    await expect(page.getByLabel('Số tiền khoản thu 1 (đồng)').getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(page, '70-admin-procedure-refused');
    await expectAccessible(page, 'admin procedure: refused draft');
    await page.getByLabel('Số tiền khoản thu 1 (đồng)').fill('8000');

    // The e-form schema is JSON Schema, compiled on save: text that is not JSON is refused before sending, a keyword
    // of the wrong type comes back at its JSON pointer; nothing is saved either way.
    const schemaBox = page.getByLabel('Biểu mẫu điện tử (JSON)');
    const schemaText = await schemaBox.inputValue();
    await schemaBox.fill(`${schemaText.slice(0, -1)},`);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await see(page, 'biểu mẫu hoặc quy trình không phải JSON hợp lệ');
    const schema = JSON.parse(schemaText);
    await schemaBox.fill(JSON.stringify({ ...schema, minProperties: 'một' }, null, 2));
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await see(page.locator('#json-formSchema-error'), /formSchema/);
    await expect(schemaBox.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'admin procedure: e-form schema refused');
    await see(page, 'Chưa có bản nháp; nội dung dưới đây là phiên bản 1.');
    await schemaBox.fill(schemaText);

    // 10.000 đ a copy, 1 working day (not same-day), and two photocopies of the identity paper.
    await page.getByLabel('Số tiền khoản thu 1 (đồng)').fill('10000');
    await page.getByLabel('Đơn vị thời hạn').selectOption('days');
    await page.getByLabel('Thời hạn', { exact: true }).fill('1');
    await page.getByLabel('Giải quyết trong ngày (áp dụng giờ tiếp nhận sớm hơn buổi chiều)').uncheck();
    await page.getByLabel('Số bản photo (giấy tờ 2)').fill('2');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await see(page, 'Đã lưu bản nháp (lần lưu thứ 1).');

    // Preview: a receipt on Thursday 3 December 2026 at 09:00 is due one working day later, as the calendar says.
    await page.getByLabel('Thời điểm tiếp nhận mẫu').fill('2026-12-03T09:00');
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await see(page, 'Xem trước: công dân sẽ thấy (phiên bản 2)');
    await see(page, /10\.000 đồng mỗi bản/);
    await see(page, '1 ngày làm việc');
    const calendar = (await (await fetch(`${BASE}/api/v1/calendar/due-date?from=${encodeURIComponent('2026-12-03T09:00:00+07:00')}&workingDays=1`)).json()) as {
      dueAt: string;
    };
    const due = (await page.getByTestId('preview-due').textContent())!;
    expect(due).toContain(ddmmyyyy(calendar.dueAt.slice(0, 10)));
    expect(due).toContain(calendar.dueAt.slice(11, 16));
    await shot(page, '71-admin-procedure-preview');
    await expectAccessible(page, 'admin procedure: preview');

    // A date in the past is refused; tomorrow is published, and until then the citizen still sees version 1.
    await page.getByLabel('Áp dụng từ ngày').fill(hanoiDate(-1));
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await see(page, /effectiveFrom — is in the past/);
    const tomorrow = hanoiDate(1);
    await page.getByLabel('Áp dụng từ ngày').fill(tomorrow);
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await see(page, `Đã ban hành phiên bản 2, áp dụng cho hồ sơ tiếp nhận từ ngày ${ddmmyyyy(tomorrow)}.`);
    await see(page, `Phiên bản 2 đã ban hành, áp dụng từ ${ddmmyyyy(tomorrow)}.`);
    await shot(page, '72-admin-procedure-published');
    await expectAccessible(page, 'admin procedure: published');
    const shown = (await (await fetch(`${BASE}/api/v1/procedures/2.000635`)).json()) as { version: number; fees: { amountVnd: number }[] };
    expect(shown).toMatchObject({ version: 1, fees: [{ amountVnd: 8_000 }] });
    const draft = await (
      await fetch(`${BASE}/api/v1/admin/procedures/2.000635/draft`, { headers: { authorization: `Bearer ${await officerToken('admin')}` } })
    ).json();
    expect(draft).toMatchObject({ open: false, baseVersion: 2, scheduled: { version: 2, effectiveFrom: `${tomorrow}T00:00:00+07:00` } });
  });

  it('a receiving officer who opens the page is told that only administrators edit the catalogue', async () => {
    await officerSignIn(page, 'tn.trangtien');
    await expect(page.getByRole('link', { name: 'Quản trị', exact: true }).count()).resolves.toBe(0);
    await page.goto(`${BASE}/mot-cua/quan-tri/thu-tuc?ma=2.000635`);
    await see(page, 'Chỉ quản trị viên hệ thống được sửa danh mục thủ tục của Thành phố.');
    await expectAccessible(page, 'admin procedures: not an administrator');
  });
});
