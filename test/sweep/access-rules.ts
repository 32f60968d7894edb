import type { Identity } from './sweep-fixtures';

/**
 * Who may call each operation, written down independently of the decorators so that the security matrix checks the
 * guard against it. A new operation in the OpenAPI document fails the matrix until it has a line here.
 */
export type Access =
  'public' | 'signed_in' | 'citizen' | 'officer' | { officerRoles: ('receiving_officer' | 'specialist' | 'leader' | 'unit_admin' | 'admin' | 'auditor')[] };

const ADMIN: Access = { officerRoles: ['admin'] };
const ACCOUNT_ADMINS: Access = { officerRoles: ['admin', 'unit_admin'] };

export const ACCESS_RULES: Record<string, Access> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  'GET /api/v1/units': 'public',
  'GET /api/v1/units/{code}': 'public',
  'PUT /api/v1/admin/units/{code}/office-hours': ACCOUNT_ADMINS,
  'GET /api/v1/admin/agencies': ACCOUNT_ADMINS,
  'POST /api/v1/admin/agencies': ACCOUNT_ADMINS,
  'GET /api/v1/admin/agencies/{code}': ACCOUNT_ADMINS,
  'PATCH /api/v1/admin/agencies/{code}': ACCOUNT_ADMINS,
  'GET /api/v1/procedures': 'public',
  'GET /api/v1/procedures/{code}': 'public',
  'POST /api/v1/auth/officers/login': 'public',
  'POST /api/v1/auth/officers/logout': 'public',
  'POST /api/v1/auth/officers/login/totp': 'public',
  'POST /api/v1/auth/officers/password': 'public',
  'POST /api/v1/auth/officers/totp/enroll': 'officer',
  'POST /api/v1/auth/officers/totp/verify': 'officer',
  'POST /api/v1/admin/officers': ACCOUNT_ADMINS,
  'GET /api/v1/admin/officers': ACCOUNT_ADMINS,
  'GET /api/v1/admin/officers/{id}': ACCOUNT_ADMINS,
  'PATCH /api/v1/admin/officers/{id}': ACCOUNT_ADMINS,
  'POST /api/v1/admin/officers/{id}/password-reset': ACCOUNT_ADMINS,
  'POST /api/v1/auth/citizens/otp': 'public',
  'POST /api/v1/auth/citizens/verify': 'public',
  'GET /api/v1/auth/citizens/methods': 'public',
  'GET /api/v1/auth/citizens/vneid/start': 'public',
  'GET /api/v1/auth/citizens/vneid/callback': 'public',
  'POST /api/v1/auth/citizens/vneid/session': 'public',
  'POST /api/v1/auth/citizens/logout': 'citizen',
  'GET /api/v1/auth/me': 'signed_in',
  'GET /api/v1/officers': 'officer',
  'POST /api/v1/files': 'signed_in',
  'GET /api/v1/files/{id}': 'signed_in',
  'POST /api/v1/dossiers': 'citizen',
  'GET /api/v1/dossiers': 'signed_in',
  'POST /api/v1/desk/dossiers': { officerRoles: ['receiving_officer'] },
  'GET /api/v1/dossiers/{code}': 'signed_in',
  'GET /api/v1/dossiers/{code}/history': 'signed_in',
  'GET /api/v1/dossiers/{code}/documents/{form}': 'signed_in',
  'POST /api/v1/dossiers/{code}/{action}': 'signed_in',
  'GET /api/v1/dossiers/{code}/results': 'signed_in',
  'GET /api/v1/dossiers/{code}/results/{fileId}': 'signed_in',
  'GET /api/v1/calendar/due-date': 'public',
  'GET /api/v1/admin/calendar/{year}': ADMIN,
  'PUT /api/v1/admin/calendar/{year}': ADMIN,
  'POST /api/v1/admin/procedures/import': ADMIN,
  'GET /api/v1/admin/procedures/{code}/draft': ADMIN,
  'PUT /api/v1/admin/procedures/{code}/draft': ADMIN,
  'DELETE /api/v1/admin/procedures/{code}/draft': ADMIN,
  'GET /api/v1/admin/procedures/{code}/draft/preview': ADMIN,
  'POST /api/v1/admin/procedures/{code}/publish': ADMIN,
  'PUT /api/v1/admin/procedures/{code}/assurance': ADMIN,
  'GET /api/v1/tracking/{code}': 'public',
  'GET /api/v1/verify/{id}': 'public',
  'POST /api/v1/verify/{id}': 'public',
  'GET /api/v1/sms/messages': ADMIN,
  'GET /api/v1/admin/sms/templates': ADMIN,
  'PUT /api/v1/admin/sms/templates/{kind}': ADMIN,
  'POST /api/v1/dossiers/{code}/payments': 'citizen',
  'POST /api/v1/dossiers/{code}/payments/desk': { officerRoles: ['receiving_officer'] },
  'GET /api/v1/payments/vnpay/ipn': 'public',
  'GET /api/v1/payments/vnpay/return': 'public',
  'GET /api/v1/admin/payments/mismatches': ADMIN,
  'GET /api/v1/admin/national-portal/sync/{code}': ADMIN,
  'POST /api/v1/admin/national-portal/repush': ADMIN,
  'GET /api/v1/reports/processing': { officerRoles: ['leader', 'admin'] },
  'GET /api/v1/reports/usage': ADMIN,
  'GET /api/v1/reports/service-index': { officerRoles: ['leader', 'admin'] },
  'GET /api/v1/reports/service-index/dossiers': { officerRoles: ['leader', 'admin'] },
  'POST /api/v1/admin/reorganizations': ADMIN,
  'GET /api/v1/admin/audit': { officerRoles: ['admin', 'auditor'] },
  'GET /api/v1/admin/reorganizations': ADMIN,
};

/** Whether the guard should let this kind of caller through. */
export function admits(access: Access, who: Identity): boolean {
  if (access === 'public') return true;
  if (who === 'anonymous') return false;
  if (access === 'signed_in') return true;
  if (access === 'citizen') return who === 'citizen';
  if (who === 'citizen') return false;
  return access === 'officer' || access.officerRoles.includes(who);
}
