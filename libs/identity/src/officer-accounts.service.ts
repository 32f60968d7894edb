import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '@dvc/audit';
import { AuthConfig } from '@dvc/config';
import { adminReachOf, DomainError, DomainErrorCode, refuseOfficerChange, type AdminActor, type OfficerPrincipal, type OfficerRole } from '@dvc/core';
import { AGENCY_UNIT_CHAIN, OFFICERS_IN_REACH, UNIT_CHAIN } from './officer-accounts.sql';
import { temporaryPassword } from './officer-credentials';
import { OfficerEntity } from './officer.entity';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-rules';

export interface OfficerAccountView {
  id: string;
  username: string;
  fullName: string;
  /** What forms print under the name (e.g. "Công chức Bộ phận Một cửa"). */
  title: string | null;
  roles: OfficerRole[];
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  active: boolean;
  passwordChangeRequired: boolean;
  secondFactor: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface NewOfficer {
  username: string;
  fullName: string;
  title?: string | null;
  agencyCode: string;
  roles: OfficerRole[];
  /** Left out: a temporary password is made and answered once. Either way it must be changed at the first sign-in. */
  password?: string;
}

export interface OfficerEdit {
  fullName?: string;
  title?: string | null;
  agencyCode?: string;
  roles?: OfficerRole[];
  active?: boolean;
}

export interface OfficerQuery {
  agencyCode?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

interface AccountRow {
  id: string;
  username: string;
  full_name: string;
  title: string | null;
  roles: OfficerRole[];
  agency_code: string;
  agency_name: string;
  unit_code: string;
  active: boolean;
  password_change_required: boolean;
  second_factor: boolean;
  locked_until: Date | null;
  created_at: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const UNIQUE_VIOLATION = '23505';

/**
 * Officer accounts as administrators (city-wide) and unit administrators (their unit and below) manage them. Who may
 * do what is decided in libs/core (`refuseOfficerChange`); here the rows are loaded and written, one transaction per
 * change, so a refused request leaves nothing behind; the audit row of a change is written in its transaction.
 */
@Injectable()
export class OfficerAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AuthConfig,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: OfficerPrincipal, query: OfficerQuery): Promise<OfficerAccountView[]> {
    return this.inReach(this.db.manager, actor, { ...query, id: null });
  }

  async get(actor: OfficerPrincipal, id: string): Promise<OfficerAccountView> {
    const [account] = await this.inReach(this.db.manager, actor, { id, limit: 1, offset: 0 });
    if (!account) throw DomainError.notFound('Officer');
    return account;
  }

  async create(actor: OfficerPrincipal, input: NewOfficer, by: AuditActor): Promise<OfficerAccountView & { temporaryPassword?: string }> {
    const username = input.username.trim().toLowerCase();
    const chain = await this.unitChain(this.db.manager, input.agencyCode);
    const refusal = refuseOfficerChange({ actor: actorOf(actor), next: { roles: input.roles, unitChain: chain, agencyCode: input.agencyCode } });
    if (refusal) throw refusal;
    if (input.password !== undefined) assertAcceptablePassword(input.password, { username, fullName: input.fullName }, this.config.passwordMinLength);
    const issued = input.password === undefined ? temporaryPassword() : undefined;
    const passwordHash = await hashPassword(input.password ?? issued!);
    const id = await this.db.transaction(async (em) => {
      if (await em.getRepository(OfficerEntity).existsBy({ username })) throw usernameTaken(username);
      try {
        const row = await em.getRepository(OfficerEntity).save({
          username,
          fullName: input.fullName.trim(),
          title: input.title?.trim() || null,
          agencyCode: input.agencyCode,
          roles: unique(input.roles),
          passwordHash,
          active: true,
          passwordChangeRequired: true,
        });
        await this.audit.record(em, {
          by,
          entity: 'officer',
          entityId: row.id,
          action: 'create',
          after: { ...auditedFields(row), passwordChangeRequired: true },
        });
        return row.id;
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) throw usernameTaken(username);
        throw error;
      }
    });
    const view = await this.get(actor, id);
    return issued ? { ...view, temporaryPassword: issued } : view;
  }

  async update(actor: OfficerPrincipal, id: string, edit: OfficerEdit, by: AuditActor): Promise<OfficerAccountView> {
    await this.db.transaction(async (em) => {
      const [current] = await this.inReach(em, actor, { id, limit: 1, offset: 0 }, true);
      if (!current) throw DomainError.notFound('Officer');
      const target = {
        id: current.id,
        roles: current.roles,
        unitChain: await this.unitChainOfUnit(em, current.unitCode),
        active: current.active,
        agencyCode: current.agencyCode,
      };
      const nextChain = edit.agencyCode !== undefined && edit.agencyCode !== current.agencyCode ? await this.unitChain(em, edit.agencyCode) : undefined;
      const refusal = refuseOfficerChange({
        actor: actorOf(actor),
        target,
        next: { roles: edit.roles, unitChain: nextChain, agencyCode: edit.agencyCode, active: edit.active },
      });
      if (refusal) throw refusal;
      const changes: Partial<OfficerEntity> = {};
      if (edit.fullName !== undefined) changes.fullName = edit.fullName.trim();
      if (edit.title !== undefined) changes.title = edit.title?.trim() || null;
      if (edit.agencyCode !== undefined) changes.agencyCode = edit.agencyCode;
      if (edit.roles !== undefined) changes.roles = unique(edit.roles);
      if (edit.active !== undefined) changes.active = edit.active;
      const before = auditedFields(current);
      const after = auditedFields({ ...before, ...changes });
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await em.getRepository(OfficerEntity).update({ id }, changes);
      await this.audit.record(em, { by, entity: 'officer', entityId: id, action: editAction(before, after), before, after });
    });
    return this.get(actor, id);
  }

  /**
   * A new temporary password, answered once; the officer must change it at the next sign-in. The lockout is lifted,
   * and with `resetSecondFactor` the TOTP secret and recovery codes are dropped (a lost phone).
   */
  async resetPassword(
    actor: OfficerPrincipal,
    id: string,
    options: { resetSecondFactor?: boolean },
    by: AuditActor,
  ): Promise<{ temporaryPassword: string; passwordChangeRequired: true }> {
    const issued = temporaryPassword();
    const passwordHash = await hashPassword(issued);
    await this.db.transaction(async (em) => {
      const [current] = await this.inReach(em, actor, { id, limit: 1, offset: 0 }, true);
      if (!current) throw DomainError.notFound('Officer');
      const target = {
        id: current.id,
        roles: current.roles,
        unitChain: await this.unitChainOfUnit(em, current.unitCode),
        active: current.active,
        agencyCode: current.agencyCode,
      };
      const refusal = refuseOfficerChange({ actor: actorOf(actor), target, next: {} });
      if (refusal) throw refusal;
      if (current.id === actor.id) throw new DomainError(DomainErrorCode.Forbidden, 'Reset your own password through another administrator.');
      await em.getRepository(OfficerEntity).update(
        { id },
        {
          passwordHash,
          passwordChangeRequired: true,
          failedLogins: 0,
          lockedUntil: null,
          ...(options.resetSecondFactor ? { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] } : {}),
        },
      );
      const lock = { passwordChangeRequired: current.passwordChangeRequired, lockedUntil: current.lockedUntil };
      await this.audit.record(em, {
        by,
        entity: 'officer',
        entityId: id,
        action: 'password_reset',
        before: lock,
        after: { password: 'new', passwordChangeRequired: true, lockedUntil: null },
      });
      if (options.resetSecondFactor) {
        await this.audit.record(em, {
          by,
          entity: 'officer',
          entityId: id,
          action: 'second_factor_reset',
          before: { secondFactor: current.secondFactor },
          after: { secondFactor: false, totpSecret: null, recoveryCodes: null },
        });
      }
    });
    return { temporaryPassword: issued, passwordChangeRequired: true };
  }

  private async inReach(
    em: EntityManager,
    actor: OfficerPrincipal,
    filter: Partial<OfficerQuery> & { id: string | null; limit: number; offset: number },
    lock = false,
  ): Promise<OfficerAccountView[]> {
    const reach = adminReachOf(actorOf(actor));
    if (reach.kind === 'none') throw new DomainError(DomainErrorCode.Forbidden, 'Only administrators and unit administrators manage officer accounts.');
    const sql = lock ? `${OFFICERS_IN_REACH} FOR UPDATE OF o` : OFFICERS_IN_REACH;
    const rows: AccountRow[] = await em.query(sql, [
      reach.kind === 'unit_tree' ? reach.unitCode : null,
      filter.agencyCode ?? null,
      filter.q ? escapeLike(filter.q) : null,
      filter.active ?? null,
      filter.id,
      filter.limit,
      filter.offset,
    ]);
    return rows.map(viewOf);
  }

  /** 422 naming agencyCode for an agency that does not exist or has closed. */
  private async unitChain(em: EntityManager, agencyCode: string): Promise<string[]> {
    const rows: { code: string }[] = await em.query(AGENCY_UNIT_CHAIN, [agencyCode]);
    if (rows.length === 0) throw DomainError.validation([{ field: 'agencyCode', message: 'is not an open agency' }]);
    return rows.map((r) => r.code);
  }

  private async unitChainOfUnit(em: EntityManager, unitCode: string): Promise<string[]> {
    const rows: { code: string }[] = await em.query(UNIT_CHAIN, [unitCode]);
    return rows.map((r) => r.code);
  }
}

/** What the audit log keeps of an account: never the password hash or the second factor's secrets. */
const auditedFields = (o: { username: string; fullName: string; title: string | null; agencyCode: string; roles: OfficerRole[]; active: boolean }) => ({
  username: o.username,
  fullName: o.fullName,
  title: o.title,
  agencyCode: o.agencyCode,
  roles: [...o.roles].sort(),
  active: o.active,
});

/** One row per edit; its action names the weightiest part: the active state, else the roles, else an update. */
function editAction(before: ReturnType<typeof auditedFields>, after: ReturnType<typeof auditedFields>): string {
  if (before.active !== after.active) return after.active ? 'reactivate' : 'deactivate';
  if (before.roles.join() !== after.roles.join()) return 'roles_change';
  return 'update';
}

const actorOf = (p: OfficerPrincipal): AdminActor => ({ id: p.id, roles: p.roles, unitCode: p.unitCode });
const unique = (roles: OfficerRole[]) => [...new Set(roles)];
const usernameTaken = (username: string) =>
  new DomainError(DomainErrorCode.Conflict, `The username ${username} is taken.`, [{ field: 'username', message: 'is taken' }]);

function viewOf(r: AccountRow): OfficerAccountView {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    title: r.title,
    roles: r.roles,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    unitCode: r.unit_code,
    active: r.active,
    passwordChangeRequired: r.password_change_required,
    secondFactor: r.second_factor,
    lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
