/** The simulator's few HTML pages (Vietnamese, no assets). */

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 150000 → "150.000" (Vietnamese thousands separator). */
export function formatVnd(amountVnd: number): string {
  return String(amountVnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#222}
.box{border:1px solid #ccc;border-radius:8px;padding:1.25rem}
.amount{font-size:1.6rem;font-weight:700;color:#005baa}
.error{color:#b00020}
dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem}
dt{color:#666}
form{display:inline-block;margin:1rem .5rem 0 0}
button{font-size:1rem;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #005baa;cursor:pointer}
.pay{background:#005baa;color:#fff}
.cancel{background:#fff;color:#005baa}
small{color:#888}
</style>
</head>
<body>
<div class="box">
${body}
</div>
<p><small>Cổng thanh toán VNPAY giả lập — chỉ dùng cho phát triển và kiểm thử.</small></p>
</body>
</html>`;
}

export function paymentPage(tx: { txnRef: string; amount: number; orderInfo: string; tmnCode: string; expireDate?: string }): string {
  const ref = escapeHtml(tx.txnRef);
  return layout(
    'Thanh toán trực tuyến — VNPAY (giả lập)',
    `<h1>Thanh toán trực tuyến</h1>
<p class="amount" id="amount">${formatVnd(tx.amount)} VND</p>
<dl>
<dt>Số tiền</dt><dd>${formatVnd(tx.amount)} VND</dd>
<dt>Mã giao dịch</dt><dd>${ref}</dd>
<dt>Nội dung</dt><dd>${escapeHtml(tx.orderInfo)}</dd>
<dt>Đơn vị</dt><dd>${escapeHtml(tx.tmnCode)}</dd>
${tx.expireDate ? `<dt>Hết hạn</dt><dd>${escapeHtml(tx.expireDate)}</dd>` : ''}
</dl>
<form method="post" action="/paymentv2/pay"><input type="hidden" name="txnRef" value="${ref}"><button class="pay" type="submit">Thanh toán</button></form>
<form method="post" action="/paymentv2/cancel"><input type="hidden" name="txnRef" value="${ref}"><button class="cancel" type="submit">Hủy</button></form>`,
  );
}

export function errorPage(message: string, detail?: string): string {
  return layout(
    `Lỗi — ${message}`,
    `<h1 class="error">Giao dịch không hợp lệ</h1>
<p class="error" id="error">${escapeHtml(message)}</p>
${detail ? `<p>${escapeHtml(detail)}</p>` : ''}`,
  );
}
