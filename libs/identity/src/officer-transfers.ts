import type { EntityManager } from 'typeorm';
import type { OfficerTransfer } from '@dvc/core';

/**
 * A reorganisation's officer mapping (`planOfficerTransfers`), in the caller's transaction: a move changes the
 * account's agency; a grant adds an account at the successor with the same name, title, roles, password and second
 * factor (recovery codes are not copied, so each stays good once). A granted username taken already is left alone.
 */
export async function applyOfficerTransfers(em: EntityManager, transfers: readonly OfficerTransfer[]): Promise<{ moved: number; granted: number }> {
  const moves = transfers.filter((t) => t.mode === 'move');
  const grants = transfers.filter((t) => t.mode === 'grant');
  const count = async (sql: string, rows: OfficerTransfer[]) =>
    rows.length === 0 ? 0 : ((await em.query(`WITH done AS (${sql}) SELECT count(*)::int AS n FROM done`, [JSON.stringify(rows)]))[0].n as number);
  const moved = await count(
    `UPDATE officers o SET agency_code = m."toAgencyCode"
     FROM jsonb_to_recordset($1::jsonb) AS m("officerId" uuid, "toAgencyCode" text) WHERE o.id = m."officerId" RETURNING o.id`,
    moves,
  );
  const granted = await count(
    `INSERT INTO officers (username, password_hash, full_name, title, roles, agency_code, active, password_change_required, password_changed_at, totp_secret, totp_enabled_at)
     SELECT g."grantedUsername", o.password_hash, o.full_name, o.title, o.roles, g."toAgencyCode", true, o.password_change_required, o.password_changed_at, o.totp_secret, o.totp_enabled_at
     FROM jsonb_to_recordset($1::jsonb) AS g("officerId" uuid, "grantedUsername" text, "toAgencyCode" text) JOIN officers o ON o.id = g."officerId"
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    grants,
  );
  return { moved, granted };
}
