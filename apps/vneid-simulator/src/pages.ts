import { DEMO_IDENTITIES, type DemoIdentity } from './demo-identities';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{color:#b0161b;font-size:1.4rem}.note{background:#fff4d6;padding:.5rem .75rem;border-radius:4px}
label{display:block;border:1px solid #ccc;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0;cursor:pointer}
button{background:#b0161b;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;font-size:1rem;cursor:pointer}</style>
</head><body>${body}</body></html>`;

const describe = (i: DemoIdentity) =>
  i.accountType === 'organization'
    ? `${escapeHtml(i.fullName)} — tổ chức, mã số thuế ${i.taxCode}`
    : `${escapeHtml(i.fullName)} — CCCD ${i.idNumber}, sinh ${i.birthDate}, mức ${i.assuranceLevel}`;

/** The login page of one interaction: pick a demo identity (there are no passwords in the simulator). */
export function loginPage(uid: string, clientId: string, error?: string): string {
  const options = DEMO_IDENTITIES.map(
    (i, n) => `<label><input type="radio" name="sub" value="${i.sub}"${n === 0 ? ' checked' : ''}> ${describe(i)}</label>`,
  ).join('\n');
  return page(
    'Đăng nhập VNeID (mô phỏng)',
    `
<h1>Đăng nhập bằng tài khoản định danh điện tử VNeID</h1>
<p class="note">Trình mô phỏng dùng cho phát triển và kiểm thử: chọn một tài khoản mẫu. Ứng dụng yêu cầu: <b>${escapeHtml(clientId)}</b>.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
${options}
<p><button type="submit">Đăng nhập</button></p>
</form>`,
  );
}

/** RP-initiated logout asks no question: the relying party's request is the user's own sign-out. */
export function logoutPage(form: string): string {
  return page(
    'Đăng xuất VNeID',
    `<h1>Đang đăng xuất…</h1>${form}
<noscript><button type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất</button></noscript>
<script>var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script>`,
  );
}

export function loggedOutPage(): string {
  return page('Đã đăng xuất', '<h1>Bạn đã đăng xuất khỏi VNeID.</h1>');
}

export function errorPage(out: Record<string, unknown>): string {
  const lines = Object.entries(out)
    .map(([k, v]) => `<p><b>${escapeHtml(k)}</b>: ${escapeHtml(String(v))}</p>`)
    .join('');
  return page('Lỗi VNeID', `<h1>Không thực hiện được yêu cầu</h1>${lines}`);
}
