import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { procedureAtVersion, type ProcedureEntity } from '@dvc/catalog';
import {
  acceptEffect,
  actionFromSlug,
  approveEffect,
  assignEffect,
  confirmPaymentEffect,
  decideTransition,
  DomainError,
  DomainErrorCode,
  extendEffect,
  needsCalendar,
  proposeEffect,
  rateEffect,
  refuseEffect,
  requestPaymentEffect,
  requestSupplementEffect,
  returnResultEffect,
  sendBackEffect,
  stopEffect,
  supplementedForm,
  supplementEffect,
  transferEffect,
  transitionPatch,
  withdrawEffect,
  type ActionEffect,
  type ActorRole,
  type DossierAction,
  type OfficerRole,
  type Principal,
  type WorkingCalendar,
} from '@dvc/core';
import { FILE_STORE, FilesService, type FileStore } from '@dvc/files';
import { OfficerEntity, officerSignature } from '@dvc/identity';
import { AgencyEntity } from '@dvc/units';
import type { ActionInput } from './action-inputs';
import { DossierComponent, DossierEntity } from './dossier.entity';
import { cleanActionInput } from './clean-submission';
import { requestFeesDue, writeTransition, type EventInput } from './dossier-writes';
import { validateForm } from './form-validator';
import { IntakeService } from './intake.service';
import { ResultSigningService } from './result-signing.service';
import { CITIZEN_REACHES_DOSSIER, citizenAccessParams } from './citizen-access';

type Actor = EventInput['actor'];

/** What an action's effect is judged in: the dossier as loaded, who acts, and the facts read for it. */
interface Ctx {
  dossier: DossierEntity;
  procedure: ProcedureEntity;
  principal: Principal | null;
  role: ActorRole;
  input: ActionInput;
  now: Date;
  calendar: WorkingCalendar | null;
  /** File-store keys written in this transaction (signed results), removed if it does not commit. */
  stored: string[];
}

/** The roles that act on dossiers (a unit administrator manages accounts only). */
const OFFICER_ROLE_ORDER = ['receiving_officer', 'specialist', 'leader', 'admin'] as const satisfies readonly OfficerRole[];

@Injectable()
export class DossierActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
    private readonly intake: IntakeService,
    private readonly files: FilesService,
    private readonly results: ResultSigningService,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  /** Officers act only on dossiers now at their scope; applicants only on their own. Anything else is 404. */
  async perform(principal: Principal, code: string, slug: string, input: ActionInput): Promise<DossierEntity> {
    const action = actionFromSlug(slug);
    if (!action) throw DomainError.notFound(`Action ${slug}`);
    const dossier = await this.findActionable(principal, code);
    if (!dossier) throw DomainError.notFound(`Dossier ${code}`);
    // A stale version first: the status and role rules are judged against a dossier the caller has not seen.
    if (input.version !== dossier.version) {
      throw new DomainError(
        DomainErrorCode.VersionConflict,
        `The dossier changed since you loaded it (version ${dossier.version}, you sent ${input.version}); reload and try again.`,
      );
    }
    const role = this.roleFor(principal, action, dossier);
    const actor = await this.actorOf(principal, role, dossier);
    const stored: string[] = [];
    try {
      return await this.db.transaction((em) => this.apply(em, dossier, action, role, actor, principal, cleanActionInput(input), stored));
    } catch (error) {
      await Promise.all(stored.map((key) => this.store.remove(key).catch(() => undefined)));
      throw error;
    }
  }

  /**
   * A transition the system itself takes (a payment confirmed by the gateway), inside the caller's transaction so
   * both commit together. The dossier row is locked first.
   */
  async performAsSystem(
    em: EntityManager,
    dossierId: string,
    action: DossierAction,
    input: Omit<ActionInput, 'version'> = {},
    actorName = 'system',
  ): Promise<DossierEntity> {
    const dossier = await em.getRepository(DossierEntity).findOne({ where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
    if (!dossier) throw DomainError.notFound(`Dossier ${dossierId}`);
    return this.apply(em, dossier, action, 'system', { kind: 'system', id: null, name: actorName, role: 'system' }, null, {
      ...input,
      version: dossier.version,
    });
  }

  /** Load → decide → effect → write; then the fees the action made due, as a second change in the same transaction. */
  private async apply(
    em: EntityManager,
    dossier: DossierEntity,
    action: DossierAction,
    role: ActorRole,
    actor: Actor,
    principal: Principal | null,
    input: ActionInput,
    stored: string[] = [],
  ): Promise<DossierEntity> {
    const decision = decideTransition({ status: dossier.status, action, role, resumeStatus: dossier.resumeStatus });
    if (!decision.ok) throw decision.error;
    // The version the dossier was submitted under: a later fee or time change does not reach it.
    const procedure = await procedureAtVersion(em, dossier.procedureCode, dossier.procedureVersion);
    const now = new Date();
    const calendar = needsCalendar(action, decision, dossier) ? await this.calendars.calendarFor(dossier.receivingUnitCode) : null;
    const effect = await this.effectOf(action, { dossier, procedure, principal, role, input, now, calendar, stored }, em);
    const patch = transitionPatch(dossier, decision, effect.patch, now, calendar);
    const updated = await writeTransition(em, dossier, { action, actor, patch, effect, at: now });
    return requestFeesDue(em, action, updated, now);
  }

  private async findActionable(principal: Principal, code: string): Promise<DossierEntity | null> {
    const qb = this.db.getRepository(DossierEntity).createQueryBuilder('d').where('d.code = :code', { code });
    if (principal.kind === 'officer') qb.andWhere('d.current_scope_code = :scope', { scope: principal.scopeCode });
    else qb.andWhere(CITIZEN_REACHES_DOSSIER, citizenAccessParams(principal));
    return qb.getOne();
  }

  /** An officer holding several roles acts in the first one the rules allow for this action. */
  private roleFor(principal: Principal, action: DossierAction, dossier: DossierEntity): ActorRole {
    if (principal.kind === 'citizen') return 'applicant';
    const held = OFFICER_ROLE_ORDER.filter((r) => principal.roles.includes(r));
    if (held.length === 0) throw new DomainError(DomainErrorCode.Forbidden, 'Your roles do not act on dossiers.');
    return held.find((role) => decideTransition({ status: dossier.status, action, role, resumeStatus: dossier.resumeStatus }).ok) ?? held[0];
  }

  /** The event keeps the officer's full name and title as they are now (never the login name). */
  private async actorOf(principal: Principal, role: ActorRole, dossier: DossierEntity): Promise<Actor> {
    if (principal.kind === 'citizen') return { kind: 'citizen', id: principal.id, name: dossier.applicant.fullName, role };
    const signature = await officerSignature(this.db.manager, principal);
    return { kind: 'officer', id: principal.id, name: signature.fullName, title: signature.title, role };
  }

  /** The facts each action's rule needs, read here; the rule itself is libs/core's (dossier/effects). */
  private async effectOf(action: DossierAction, c: Ctx, em: EntityManager): Promise<ActionEffect> {
    const { dossier, input, now } = c;
    switch (action) {
      case 'accept':
        return acceptEffect(dossier, input, { calendar: c.calendar!, processingTime: c.procedure.processingTime }, now);
      case 'request_supplement':
        return requestSupplementEffect(dossier, input, { componentCodes: c.procedure.components.map((x) => x.code) });
      case 'supplement':
        return supplementEffect(dossier, input, await this.supplementFacts(c));
      case 'refuse':
        return refuseEffect(input);
      case 'assign':
        return assignEffect(input, { specialist: await this.specialistAt(dossier, input.officerId) });
      case 'transfer':
        return transferEffect(dossier, input);
      case 'propose': {
        const officerId = c.principal?.kind === 'officer' ? c.principal.id : null;
        const ids = input.resultFileIds ?? [];
        const own = officerId && ids.length > 0 ? await this.files.findOwned(ids, { kind: 'officer', id: officerId }) : [];
        return proposeEffect(dossier, input, { officerId, ownFileIds: new Set(own.map((f) => f.id)) }, now);
      }
      case 'approve': {
        const signer = c.principal?.kind === 'officer' && dossier.proposal ? { officerId: c.principal.id, agencyCode: c.principal.agencyCode } : null;
        return approveEffect(dossier, input, { signedResultFileIds: signer ? await this.results.signResults(em, dossier, signer, c.stored, now) : null });
      }
      case 'send_back':
        return sendBackEffect(dossier, input);
      case 'request_payment':
        return requestPaymentEffect(dossier, input, { role: c.role, holdsLeaderRole: c.principal?.kind === 'officer' && c.principal.roles.includes('leader') });
      case 'confirm_payment':
        return confirmPaymentEffect(dossier, input);
      case 'extend':
        return extendEffect(dossier, input, now);
      case 'return_result':
        return returnResultEffect(dossier, input, now);
      case 'withdraw':
        return withdrawEffect(input);
      case 'stop':
        return stopEffect(input);
      case 'rate':
        return rateEffect(dossier, input, now);
    }
  }

  private async supplementFacts(c: Ctx): Promise<Parameters<typeof supplementEffect>[2]> {
    const facts = { byPerson: c.principal !== null, procedure: c.procedure, componentErrors: [], formErrors: [] };
    if (!c.principal) return facts;
    const owner = { kind: c.principal.kind, id: c.principal.id };
    const components = (c.input.components ?? []) as DossierComponent[];
    const form = supplementedForm(c.procedure, c.dossier, c.input);
    return {
      ...facts,
      componentErrors: await this.intake.checkComponents(c.procedure, components, owner, false),
      formErrors: c.input.form ? validateForm(c.procedure.code, c.procedure.formSchema, form) : [],
    };
  }

  /** An active specialist of the scope the dossier is now at, by id; null for anyone else. */
  private async specialistAt(dossier: DossierEntity, officerId: string | undefined): Promise<{ id: string; username: string; fullName: string } | null> {
    const id = officerId?.trim();
    if (!id) return null;
    return this.db
      .getRepository(OfficerEntity)
      .createQueryBuilder('o')
      .innerJoin(AgencyEntity, 'a', 'a.code = o.agency_code')
      .where('o.id = :id AND o.active AND a.scope_code = :scope AND :role = ANY(o.roles)', { id, scope: dossier.currentScopeCode, role: 'specialist' })
      .getOne();
  }
}
