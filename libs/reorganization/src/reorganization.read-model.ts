import { EntityManager, In, IsNull } from 'typeorm';
import type { OfficerAtClosingAgency, OfficerRole } from '@dvc/core';
import { DossierEntity } from '@dvc/dossiers';
import { AgencyEntity, UnitEntity } from '@dvc/units';

/**
 * What a reorganisation reads of other libs' tables (units, agencies, officers, dossiers), inside its own
 * transaction so the plan sees one state. A declared exception to "each lib reads its own tables" (README): the
 * writes all go through their libs.
 */
export class ReorganizationReadModel {
  constructor(private readonly em: EntityManager) {}

  city(): Promise<UnitEntity> {
    return this.em.getRepository(UnitEntity).findOneOrFail({ where: { parentCode: IsNull(), validTo: IsNull() } });
  }

  async districtCodes(cityCode: string): Promise<string[]> {
    const rows = await this.em
      .getRepository(UnitEntity)
      .find({ select: { code: true }, where: { parentCode: cityCode, level: 'district', validTo: IsNull() } });
    return rows.map((d) => d.code);
  }

  async existingUnitCodes(codes: string[]): Promise<Set<string>> {
    const rows = await this.em.getRepository(UnitEntity).find({ select: { code: true }, where: { code: In(codes) } });
    return new Set(rows.map((u) => u.code));
  }

  async parentsOf(codes: string[]): Promise<Map<string, string | null>> {
    const rows = await this.em.getRepository(UnitEntity).find({ select: { code: true, parentCode: true }, where: { code: In(codes) } });
    return new Map(rows.map((u) => [u.code, u.parentCode]));
  }

  openAgenciesOf(unitCodes: string[]): Promise<AgencyEntity[]> {
    return this.em.getRepository(AgencyEntity).find({ where: { unitCode: In(unitCodes), validTo: IsNull() }, order: { code: 'ASC' } });
  }

  async officersAt(agencyCodes: string[]): Promise<OfficerAtClosingAgency[]> {
    const rows: { id: string; username: string; roles: OfficerRole[]; agency_code: string; unit_code: string; active: boolean }[] = await this.em.query(
      `SELECT o.id, o.username, o.roles, o.agency_code, a.unit_code, o.active
       FROM officers o JOIN agencies a ON a.code = o.agency_code WHERE o.agency_code = ANY($1) ORDER BY o.username FOR UPDATE OF o`,
      [agencyCodes],
    );
    return rows.map((r) => ({ id: r.id, username: r.username, roles: r.roles, agencyCode: r.agency_code, unitCode: r.unit_code, active: r.active }));
  }

  /** Open dossiers now at a closing agency, or whose remaining steps pass through one (e.g. the return desk), locked. */
  async openDossiersThrough(agencyCodes: string[]): Promise<DossierEntity[]> {
    const ids: { id: string }[] = await this.em.query(
      `SELECT id FROM dossiers d WHERE closed_at IS NULL AND (current_agency_code = ANY($1) OR EXISTS (
         SELECT 1 FROM jsonb_array_elements(d.route) s WHERE (s->>'index')::int >= d.step_index AND s->>'agencyCode' = ANY($1)))
       ORDER BY code FOR UPDATE`,
      [agencyCodes],
    );
    return ids.length === 0 ? [] : this.em.getRepository(DossierEntity).find({ where: { id: In(ids.map((r) => r.id)) }, order: { code: 'ASC' } });
  }
}
