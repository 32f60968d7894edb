const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The small page the citizen's browser lands on after the gateway; it only shows what is known. */
export function paymentReturnPage(o: {
  signatureValid: boolean;
  gatewayResponseCode: string | null;
  amount: number | null;
  dossierCode: string | null;
  paymentStatus: string | null;
  receipt: string | null;
}): string {
  const ok = o.signatureValid && o.gatewayResponseCode === '00';
  const title = !o.signatureValid ? 'Không xác thực được kết quả thanh toán' : ok ? 'Thanh toán thành công' : 'Thanh toán không thành công';
  // An unsigned or forged query string is whatever its sender chose: show none of its values, only that it failed.
  const lines = !o.signatureValid
    ? ['Vui lòng xem trạng thái thanh toán trong trang hồ sơ của bạn.']
    : [
        o.dossierCode ? `Hồ sơ: <strong>${escape(o.dossierCode)}</strong>` : null,
        o.amount !== null ? `Số tiền: <strong>${o.amount.toLocaleString('vi-VN')} đồng</strong>` : null,
        o.paymentStatus
          ? `Trạng thái ghi nhận: ${escape(o.paymentStatus === 'paid' ? 'đã thanh toán' : o.paymentStatus === 'awaiting' ? 'đang chờ xác nhận từ ngân hàng' : o.paymentStatus)}`
          : null,
        o.receipt ? `Biên lai: ${escape(o.receipt)}` : null,
      ].filter(Boolean);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1 style="color:${ok ? '#0a6b2e' : '#a11'}">${title}</h1>${lines.map((l) => `<p>${l}</p>`).join('')}
<p><a href="/">Về Cổng dịch vụ công</a></p></body></html>`;
}
