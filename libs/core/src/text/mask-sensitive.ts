/**
 * Masks what must never reach a log line: Vietnamese mobile numbers (0xxxxxxxxx / 84xxxxxxxxx / +84…),
 * 12-digit citizen IDs, 6-digit one-time codes next to the words otp/code/mã or after "là"/"is" ("Ma xac thuc … la 123456"), and bearer tokens.
 */
export function maskSensitive(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '[jwt]')
    .replace(/(?<!\d)\d{12}(?!\d)/g, '[id-number]')
    .replace(/(?<![\d.])(?:\+?84|0)(?:3|5|7|8|9)\d{8}(?!\d)/g, '[phone]')
    .replace(/\b(otp|code|ma|mã|la|là|is)(["'\s:=]+)\d{4,8}\b/gi, '$1$2[otp]');
}
