import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '@dvc/audit';
import {
  adminReachOf,
  agencyDraftErrors,
  agencyOpenOn,
  closedFromOf,
  decideClosure,
  DomainError,
  DomainErrorCode,
  formatYmd,
  PROVINCE_GROUP,
  scopeCodeFor,
  type AdminLevel,
  type AgencyDuty,
  type AgencyKind,
  type AgencySector,
  type FieldError,
  type OfficerPrincipal,
} from '@dvc/core';
import { AGENCIES_IN_REACH, DELETE_ASSIGNMENTS, INSERT_AGENCY, INSERT_ASSIGNMENTS, KNOWN_PROCEDURES, UNIT_IN_REACH, UPDATE_AGENCY } from './agencies.sql';

export interface AgencyProcedures {
  /** Procedures the agency is named to receive (empty: it receives what its level receives). */
  receives: string[];
  /** Procedures the agency is named to process (empty: it processes by its sectors). */
  processes: string[];
}

export interface AdminAgencyView {
  code: string;
  name: string;
  kind: AgencyKind;
  unitCode: string;
  unitName: string;
  sectors: AgencySector[];
  receives: boolean;
  scopeCode: string;
  smsBrandname: string | null;
  validFrom: string;
  /** Last day open; null while it lasts. */
  validTo: string | null;
  /** First day it no longer receives (`validTo` + 1); null while it lasts. */
  closedFrom: string | null;
  /** Open today. */
  open: boolean;
  successorCode: string | null;
  procedures: AgencyProcedures;
}

export interface NewAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  unitCode: string;
  sectors: AgencySector[];
  receives: boolean;
  smsBrandname?: string | null;
  procedures?: Partial<AgencyProcedures>;
}

export interface AgencyEdit {
  name?: string;
  sectors?: AgencySector[];
  receives?: boolean;
  smsBrandname?: string | null;
  /** Replaces the named list of each duty given. */
  procedures?: Partial<AgencyProcedures>;
  /** First day closed; null withdraws a closure that has not begun. */
  closedFrom?: string | null;
}

/** One administrative change of an agency, with its state before and after: what the audit log will record. */
export interface AgencyChange {
  by: AuditActor;
  action: 'agency.create' | 'agency.update';
  code: string;
  before: AdminAgencyView | null;
  after: AdminAgencyView;
}

interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
  sectors: AgencySector[];
  unit_code: string;
  unit_name: string;
  unit_level: AdminLevel;
  receives: boolean;
  scope_code: string;
  sms_brandname: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_code: string | null;
  receives_procedures: string[];
  processes_procedures: string[];
}
interface UnitRow {
  code: string;
  level: AdminLevel;
  valid_to: string | null;
  people_committee_code: string | null;
}

const LIST_LIMIT = 500;
const DUTY_FIELD: Record<AgencyDuty, keyof AgencyProcedures> = { receive: 'receives', process: 'processes' };

/**
 * Agencies as administrators (city-wide) and unit administrators (their unit and below) create and edit them, with
 * their desk assignments and closures. The one writer of `agencies` and `agency_procedures` for administration; the
 * rules are in libs/core (`agencyDraftErrors`, `decideClosure`). Reach is part of every query: an agency or unit
 * outside it is "not found". One transaction per change, so a refused request leaves nothing behind.
 */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditLog,
  ) {}

  async list(actor: OfficerPrincipal, filter: { unitCode?: string; includeClosed?: boolean }): Promise<AdminAgencyView[]> {
    return this.inReach(this.db.manager, actor, { unitCode: filter.unitCode ?? null, code: null, includeClosed: filter.includeClosed ?? false });
  }

  async get(actor: OfficerPrincipal, code: string): Promise<AdminAgencyView> {
    const [agency] = await this.inReach(this.db.manager, actor, { unitCode: null, code, includeClosed: true });
    if (!agency) throw DomainError.notFound(`Agency ${code}`);
    return agency;
  }

  /** 404 unless the unit exists and lies within the actor's reach (for office hours and the like). */
  async assertUnitInReach(actor: OfficerPrincipal, unitCode: string): Promise<void> {
    await this.unitInReach(this.db.manager, actor, unitCode);
  }

  async create(actor: OfficerPrincipal, input: NewAgency, by: AuditActor): Promise<AdminAgencyView> {
    const today = formatYmd(new Date());
    const created = await this.db.transaction(async (em) => {
      const unit = await this.unitInReach(em, actor, input.unitCode);
      const procedures = { receives: unique(input.procedures?.receives), processes: unique(input.procedures?.processes) };
      const draft = {
        code: input.code,
        name: input.name,
        kind: input.kind,
        sectors: unique(input.sectors),
        receives: input.receives,
        receivesProcedures: procedures.receives,
      };
      const errors = agencyDraftErrors(
        draft,
        { code: unit.code, level: unit.level, peopleCommitteeCode: unit.people_committee_code },
        { isNew: true, provinceGroup: PROVINCE_GROUP },
      );
      if (unit.valid_to !== null && unit.valid_to < today) errors.push({ field: 'unitCode', message: 'is a unit that no longer exists' });
      errors.push(...(await this.unknownProcedures(em, procedures)));
      if (errors.length > 0) throw DomainError.validation(errors);
      const inserted: unknown[] = await em.query(INSERT_AGENCY, [
        input.code,
        input.name.trim(),
        input.kind,
        draft.sectors,
        unit.code,
        input.receives,
        scopeCodeFor(input.code, unit),
        input.smsBrandname ?? null,
        today,
      ]);
      if (inserted.length === 0)
        throw new DomainError(DomainErrorCode.Conflict, `The identifier ${input.code} is taken by another agency.`, [{ field: 'code', message: 'is taken' }]);
      await this.replaceAssignments(em, input.code, procedures);
      const after = await this.lockedInReach(em, actor, input.code);
      await this.audit(em, { by, action: 'agency.create', code: input.code, before: null, after });
      return after;
    });
    return created;
  }

  async update(actor: OfficerPrincipal, code: string, edit: AgencyEdit, by: AuditActor): Promise<AdminAgencyView> {
    const today = formatYmd(new Date());
    return this.db.transaction(async (em) => {
      const before = await this.lockedInReach(em, actor, code);
      const procedures = {
        receives: edit.procedures?.receives !== undefined ? unique(edit.procedures.receives) : before.procedures.receives,
        processes: edit.procedures?.processes !== undefined ? unique(edit.procedures.processes) : before.procedures.processes,
      };
      const sectors = edit.sectors !== undefined ? unique(edit.sectors) : before.sectors;
      const receives = edit.receives ?? before.receives;
      const draft = { code, name: edit.name ?? before.name, kind: before.kind, sectors, receives, receivesProcedures: procedures.receives };
      const errors: FieldError[] = agencyDraftErrors(
        draft,
        { code: before.unitCode, level: 'commune', peopleCommitteeCode: null },
        { isNew: false, provinceGroup: PROVINCE_GROUP },
      );
      errors.push(...(await this.unknownProcedures(em, procedures)));
      if (errors.length > 0) throw DomainError.validation(errors);
      const { validTo } = edit.closedFrom !== undefined ? decideClosure(before, edit.closedFrom, today) : { validTo: before.validTo };
      await em.query(UPDATE_AGENCY, [
        code,
        draft.name.trim(),
        sectors,
        receives,
        edit.smsBrandname !== undefined ? edit.smsBrandname : before.smsBrandname,
        validTo,
      ]);
      if (edit.procedures)
        await this.replaceAssignments(em, code, {
          receives: edit.procedures.receives !== undefined ? procedures.receives : undefined,
          processes: edit.procedures.processes !== undefined ? procedures.processes : undefined,
        });
      const after = await this.lockedInReach(em, actor, code);
      await this.audit(em, { by, action: 'agency.update', code, before, after });
      return after;
    });
  }

  /** Opens agencies a reorganisation creates (in its transaction, `em`), each working from `validFrom`. */
  async openAgencies(
    em: EntityManager,
    rows: readonly {
      code: string;
      name: string;
      kind: AgencyKind;
      sectors: AgencySector[];
      unitCode: string;
      receives: boolean;
      scopeCode: string;
      validFrom: string;
    }[],
  ): Promise<void> {
    for (const r of rows) {
      await em.query(`INSERT INTO agencies (code, name, kind, sectors, unit_code, receives, scope_code, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        r.code,
        r.name,
        r.kind,
        r.sectors,
        r.unitCode,
        r.receives,
        r.scopeCode,
        r.validFrom,
      ]);
    }
  }

  /**
   * Closes agencies from a day on, naming their successor (for a reorganisation's transaction, `em`): from then they
   * receive nothing, and their officers keep reading what they worked on.
   */
  async closeAgencies(em: EntityManager, closures: readonly { code: string; validTo: string; successorCode: string | null }[]): Promise<void> {
    for (const c of closures) {
      await em.query(`UPDATE agencies SET valid_to = $2, successor_code = $3, receives = false WHERE code = $1`, [c.code, c.validTo, c.successorCode]);
    }
  }

  /** The audit row of an agency's change, in its transaction; an edit that sets a closure date is a `close`. */
  private async audit(em: EntityManager, change: AgencyChange): Promise<void> {
    const closed = change.before !== null && change.before.validTo !== change.after.validTo && change.after.validTo !== null;
    const action = change.action === 'agency.create' ? 'create' : closed ? 'close' : 'update';
    await this.auditLog.record(em, { by: change.by, entity: 'agency', entityId: change.code, action, before: change.before, after: change.after });
  }

  private async replaceAssignments(em: EntityManager, code: string, procedures: Partial<AgencyProcedures>): Promise<void> {
    for (const duty of ['receive', 'process'] as const) {
      const list = procedures[DUTY_FIELD[duty]];
      if (list === undefined) continue;
      await em.query(DELETE_ASSIGNMENTS, [code, duty]);
      if (list.length > 0) await em.query(INSERT_ASSIGNMENTS, [code, duty, list]);
    }
  }

  private async unknownProcedures(em: EntityManager, procedures: AgencyProcedures): Promise<FieldError[]> {
    const all = [...new Set([...procedures.receives, ...procedures.processes])];
    if (all.length === 0) return [];
    const known = new Set(((await em.query(KNOWN_PROCEDURES, [all])) as { code: string }[]).map((r) => r.code));
    return (['receives', 'processes'] as const).flatMap((duty) =>
      procedures[duty].flatMap((code, i) =>
        known.has(code) ? [] : [{ field: `procedures.${duty}[${i}]`, message: `${code} is not a procedure in the catalogue` }],
      ),
    );
  }

  private async unitInReach(em: EntityManager, actor: OfficerPrincipal, unitCode: string): Promise<UnitRow> {
    const [unit] = (await em.query(UNIT_IN_REACH, [reachUnit(actor), unitCode])) as UnitRow[];
    if (!unit) throw DomainError.notFound(`Unit ${unitCode}`);
    return unit;
  }

  private async lockedInReach(em: EntityManager, actor: OfficerPrincipal, code: string): Promise<AdminAgencyView> {
    const [agency] = await this.inReach(em, actor, { unitCode: null, code, includeClosed: true }, true);
    if (!agency) throw DomainError.notFound(`Agency ${code}`);
    return agency;
  }

  private async inReach(
    em: EntityManager,
    actor: OfficerPrincipal,
    filter: { unitCode: string | null; code: string | null; includeClosed: boolean },
    lock = false,
  ): Promise<AdminAgencyView[]> {
    const today = formatYmd(new Date());
    const sql = lock ? `${AGENCIES_IN_REACH} FOR UPDATE OF a` : AGENCIES_IN_REACH;
    const rows = (await em.query(sql, [reachUnit(actor), filter.unitCode, filter.code, filter.includeClosed, today, LIST_LIMIT])) as AgencyRow[];
    return rows.map((r) => viewOf(r, today));
  }
}

/** The unit whose subtree the actor administers; null for city-wide administrators. */
function reachUnit(actor: OfficerPrincipal): string | null {
  const reach = adminReachOf({ roles: actor.roles, unitCode: actor.unitCode });
  if (reach.kind === 'none') throw new DomainError(DomainErrorCode.Forbidden, 'Only administrators and unit administrators manage agencies.');
  return reach.kind === 'unit_tree' ? reach.unitCode : null;
}

const unique = <T>(list: readonly T[] | undefined): T[] => [...new Set(list ?? [])];

function viewOf(r: AgencyRow, today: string): AdminAgencyView {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    sectors: r.sectors,
    receives: r.receives,
    scopeCode: r.scope_code,
    smsBrandname: r.sms_brandname,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    closedFrom: closedFromOf(r.valid_to),
    open: agencyOpenOn({ validFrom: r.valid_from, validTo: r.valid_to }, today),
    successorCode: r.successor_code,
    procedures: { receives: r.receives_procedures, processes: r.processes_procedures },
  };
}
