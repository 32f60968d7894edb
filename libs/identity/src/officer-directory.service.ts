import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isOfficerRole, type OfficerPrincipal } from '@dvc/core';

export interface OfficerListItem {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  roles: string[];
  agencyCode: string;
  agencyName: string;
}

/**
 * Colleagues an officer may hand a dossier to: active officers of the same scope, optionally with a role; accounts
 * that only administer accounts (unit_admin) are nobody's colleague on a dossier.
 */
@Injectable()
export class OfficerDirectoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async colleagues(officer: OfficerPrincipal, role?: string): Promise<OfficerListItem[]> {
    const rows: { id: string; username: string; full_name: string; title: string | null; roles: string[]; agency_code: string; agency_name: string }[] =
      await this.db.query(
        `SELECT o.id, o.username, o.full_name, o.title, o.roles, o.agency_code, a.name AS agency_name
       FROM officers o JOIN agencies a ON a.code = o.agency_code
       WHERE o.active AND a.scope_code = $1 AND ($2::text IS NULL OR $2 = ANY(o.roles))
         AND EXISTS (SELECT 1 FROM unnest(o.roles) r WHERE r <> 'unit_admin')
       ORDER BY o.full_name`,
        [officer.scopeCode, role && isOfficerRole(role) ? role : null],
      );
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      title: r.title,
      roles: r.roles,
      agencyCode: r.agency_code,
      agencyName: r.agency_name,
    }));
  }
}
