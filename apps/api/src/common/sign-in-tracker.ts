/**
 * The key sign-in attempts are counted under: the client address with the account tried (username, or phone for a
 * citizen's code), so 30 officers of one commune behind one NAT address each get their own allowance. The address
 * alone is counted separately, with a ceiling sized for such an office (AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE).
 */
export function signInTracker(request: { ip?: string; body?: unknown }): string {
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
  const account = typeof body.username === 'string' ? body.username.trim().toLowerCase() : typeof body.phone === 'string' ? body.phone.replace(/\D/g, '') : '';
  return `${request.ip ?? ''}|${account.slice(0, 64)}`;
}
