import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { VneidConfig } from '@dvc/config';
import { ProcedureEntity } from '@dvc/catalog';
import {
  applicantPhoneErrors,
  DomainErrorCode,
  meetsAssurance,
  requiredAssurance,
  type AssuranceLevel,
  deriveFeeTotals,
  deskIntakeChannel,
  districtStepTarget,
  DomainError,
  feesDueAfter,
  PhoneNumber,
  planRoute,
  ruleSetAt,
  validateCitizenId,
  type CitizenPrincipal,
  type FieldError,
  type OfficerPrincipal,
} from '@dvc/core';
import { FilesService } from '@dvc/files';
import { officerSignature } from '@dvc/identity';
import { allocateDossierCode } from './dossier-code.allocator';
import { cleanApplicant, cleanForm } from './clean-submission';
import { DossierApplicant, DossierComponent, DossierEntity } from './dossier.entity';
import { recordChange, requestFeesDue } from './dossier-writes';
import { validateForm } from './form-validator';
import { loadSubmissionContext } from './submission-context';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { requestHash } from './idempotency';
import { newDossier } from './new-dossier';
import { componentErrors, receivingAgencyError } from './submission-checks';
import type { DeskSubmissionInput, Prepared, SubmissionInput, Submitted } from './submission-input';

const namesOf = (p: Prepared) => ({ procedure: p.procedure.name, agencies: new Map([...p.agencies, p.agency].map((a) => [a.code, a.name])) });

class IdempotentReplay extends Error {
  constructor(readonly existingCode: string) {
    super('replay');
  }
}

@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly files: FilesService,
    private readonly vneid: VneidConfig,
  ) {}

  /** An online submission by a citizen: status new, waiting for the desk. */
  async submitOnline(citizen: CitizenPrincipal, input: SubmissionInput, idempotencyKey?: string): Promise<Submitted> {
    const principalKey = `citizen:${citizen.id}`;
    const hash = idempotencyKey ? requestHash(input) : null;
    if (idempotencyKey) {
      const existing = await this.replay(principalKey, idempotencyKey, hash!);
      if (existing) return { dossier: existing, replayed: true };
    }
    const prepared = await this.prepare(input, { kind: 'citizen', id: citizen.id }, 'online', citizen.phone);
    const needed = requiredAssurance(prepared.procedure, this.vneid.level4Assurance as AssuranceLevel);
    if (!meetsAssurance(citizen.assurance, needed)) {
      throw new DomainError(
        DomainErrorCode.AssuranceTooLow,
        `This procedure needs a VNeID sign-in of level ${needed} (this one is ${citizen.assurance === 0 ? 'a phone sign-in' : `level ${citizen.assurance}`}); sign in again with VNeID at that level.`,
      );
    }
    const now = new Date();
    const code = await allocateDossierCode(this.db, prepared.agency.code, now);
    const dossier = newDossier(code, input, prepared, {
      status: 'new',
      channel: 'online',
      ownerCitizenId: citizen.id,
      registeredByOfficerId: null,
      now,
    });
    try {
      const event = await this.write(idempotencyKey ? { principalKey, key: idempotencyKey, hash: hash! } : null, code, (em) =>
        recordChange(
          em,
          dossier,
          {
            action: 'submit',
            actor: { kind: 'citizen', id: citizen.id, name: prepared.applicant.fullName, role: 'applicant' },
            fromStatus: null,
            fromAgencyCode: null,
            at: now,
            data: { channel: 'online' },
          },
          { insertDossier: true },
        ),
      );
      return { dossier, replayed: false, written: { events: [event], names: namesOf(prepared) } };
    } catch (error) {
      if (error instanceof IdempotentReplay) return { dossier: await this.byCode(error.existingCode), replayed: true };
      throw error;
    }
  }

  /** A dossier handed in at the desk: registered and received at once, receipt issued, due date set. */
  async registerAtDesk(officer: OfficerPrincipal, input: DeskSubmissionInput, idempotencyKey?: string): Promise<{ dossier: DossierEntity; replayed: boolean }> {
    if (input.agencyCode !== officer.agencyCode) {
      throw DomainError.validation([{ field: 'agencyCode', message: 'must be your own desk' }]);
    }
    const principalKey = `officer:${officer.id}`;
    const hash = idempotencyKey ? requestHash(input) : null;
    if (idempotencyKey) {
      const existing = await this.replay(principalKey, idempotencyKey, hash!);
      if (existing) return { dossier: existing, replayed: true };
    }
    const arrival = deskIntakeChannel(input, new Date());
    const prepared = await this.prepare(input, { kind: 'officer', id: officer.id }, 'direct', null, arrival.ok ? [] : arrival.errors);
    // prepare() refused the request with every error, the channel's among them, unless the channel was fine.
    const { channel, postal } = (arrival as Extract<typeof arrival, { ok: true }>).value;
    const now = new Date();
    const code = await allocateDossierCode(this.db, prepared.agency.code, now);
    const calendar = await this.calendar.calendarFor(prepared.agency.unitCode);
    const dossier = newDossier(code, input, prepared, {
      status: 'received',
      channel,
      ownerCitizenId: null,
      registeredByOfficerId: officer.id,
      now,
      receivedAt: now,
      dueAt: calendar.dueDate(now, prepared.procedure.processingTime),
      postal,
    });
    const signature = await officerSignature(this.db.manager, officer);
    // Fees paid before processing are asked for in the same transaction: registered with its request, or not at all.
    const feesDue = feesDueAfter('accept', dossier) > 0;
    try {
      const written = await this.write(
        idempotencyKey ? { principalKey, key: idempotencyKey, hash: hash! } : null,
        code,
        async (em) => {
          await recordChange(
            em,
            dossier,
            {
              action: 'accept',
              actor: { kind: 'officer', id: officer.id, name: signature.fullName, title: signature.title, role: 'receiving_officer' },
              fromStatus: null,
              fromAgencyCode: prepared.agency.code,
              at: now,
              data: { channel, receipt: 'form_01', ...(postal ? { postalItemNumber: postal.itemNumber, postReceivedOn: postal.receivedOn } : {}) },
            },
            { insertDossier: true, notice: { kind: 'dossier_received' } },
          );
          return requestFeesDue(em, 'accept', dossier, now);
        },
        feesDue,
      );
      return { dossier: written, replayed: false };
    } catch (error) {
      if (error instanceof IdempotentReplay) return { dossier: await this.byCode(error.existingCode), replayed: true };
      throw error;
    }
  }

  /**
   * The new dossier's one statement, or several (`several`) in one transaction; with an idempotency key, in a
   * transaction that first claims the key (a concurrent holder of the same key makes this one a replay).
   */
  private async write<T>(
    claim: { principalKey: string; key: string; hash: string } | null,
    code: string,
    statements: (em: EntityManager) => Promise<T>,
    several = false,
  ): Promise<T> {
    if (!claim && !several) return statements(this.db.manager);
    return this.db.transaction(async (em) => {
      if (claim) await this.claimKey(em, claim.principalKey, claim.key, claim.hash, code);
      return statements(em);
    });
  }

  private async byCode(code: string): Promise<DossierEntity> {
    return this.db.getRepository(DossierEntity).findOneByOrFail({ code });
  }

  private async replay(principalKey: string, key: string, hash: string): Promise<DossierEntity | null> {
    const row = await this.db.getRepository(IdempotencyKeyEntity).findOneBy({ principalKey, key });
    if (!row) return null;
    if (row.requestHash !== hash) throw DomainError.validation([{ field: 'Idempotency-Key', message: 'was already used with a different request body' }]);
    return this.byCode(row.dossierCode);
  }

  /** Blocks on a concurrent holder of the same key until it commits; then this request replays the first one. */
  private async claimKey(em: EntityManager, principalKey: string, key: string, hash: string, code: string): Promise<void> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO idempotency_keys (principal_key, key, request_hash, dossier_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (principal_key, key) DO NOTHING RETURNING key`,
      [principalKey, key, hash, code],
    );
    if (inserted.length > 0) return;
    const row = await em.getRepository(IdempotencyKeyEntity).findOneByOrFail({ principalKey, key });
    if (row.requestHash !== hash) throw DomainError.validation([{ field: 'Idempotency-Key', message: 'was already used with a different request body' }]);
    throw new IdempotentReplay(row.dossierCode);
  }

  /** The new dossier's row, complete: it is written as it is and answered without reading it back. */
  private async prepare(
    input: SubmissionInput,
    owner: { kind: 'citizen' | 'officer'; id: string },
    channel: 'online' | 'direct',
    signedInPhone: string | null = null,
    known: FieldError[] = [],
  ): Promise<Prepared> {
    const cleaned = cleanApplicant(input.applicant);
    const cleanedForm = cleanForm(input.form);
    const errors: FieldError[] = [...known, ...cleaned.errors];
    const {
      procedure,
      agency: found,
      closedAgency,
      chain,
      level,
      routeAgencies,
      ownedFileIds,
    } = await loadSubmissionContext(
      this.db,
      {
        procedureCode: input.procedureCode,
        agencyCode: input.agencyCode,
        fileIds: input.components.flatMap((c) => c.fileIds),
      },
      owner,
    );
    if (!procedure) errors.push({ field: 'procedureCode', message: 'is not a procedure in the catalogue' });
    const receivingError = receivingAgencyError(found, closedAgency, routeAgencies, procedure?.code);
    if (receivingError) errors.push({ field: 'agencyCode', message: receivingError });
    const agency = receivingError ? null : found;

    const phone = PhoneNumber.parse(cleaned.applicant.phone);
    if (!phone) errors.push({ field: 'applicant.phone', message: 'must be a Vietnamese mobile number (10 digits starting 03, 05, 07, 08 or 09, or 84…)' });
    else errors.push(...applicantPhoneErrors(channel, phone.value, signedInPhone));
    const birthYear = cleaned.applicant.birthDate ? Number(cleaned.applicant.birthDate.slice(0, 4)) : undefined;
    errors.push(...validateCitizenId(cleaned.applicant.idNumber, { field: 'applicant.idNumber', birthYear }));

    let route: Prepared['route'] = [];
    if (procedure && agency && level) {
      // On the two-level map (no district above the commune) what districts received is received at communes.
      const receivingLevels = chain.district
        ? procedure.receivingLevels
        : procedure.receivingLevels.map((l) => (l === 'district' ? districtStepTarget('one_stop') : l));
      // Decree 118/2025: any desk in the province may receive; the route then decides whether it can be handled.
      const anyDesk = ruleSetAt(new Date()) === 'decree_118_2025';
      if (!anyDesk && !receivingLevels.includes(level)) {
        errors.push({
          field: 'agencyCode',
          message: `a ${level}-level desk does not receive procedure ${procedure.code} (received at: ${procedure.receivingLevels.join(', ')})`,
        });
      } else {
        try {
          route = planRoute(procedure.workflow, chain, routeAgencies, agency, level);
        } catch (error) {
          if (error instanceof DomainError) errors.push(...error.fieldErrors);
          else throw error;
        }
      }
      if (channel === 'online' && input.resultDelivery === 'online' && procedure.onlineLevel !== 4) {
        errors.push({ field: 'resultDelivery', message: 'online delivery of the result is only offered for end-to-end (level 4) services' });
      }
    }
    const form = procedure ? deriveFeeTotals(procedure.fees, cleanedForm) : cleanedForm;
    if (procedure) {
      errors.push(...validateForm(procedure.code, procedure.formSchema, form));
      errors.push(...componentErrors(procedure, input.components, ownedFileIds));
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    const applicant: DossierApplicant = {
      fullName: cleaned.applicant.fullName,
      idNumber: cleaned.applicant.idNumber,
      phone: phone!.value,
      address: cleaned.applicant.address,
      ...(cleaned.applicant.email ? { email: cleaned.applicant.email } : {}),
      ...(cleaned.applicant.birthDate ? { birthDate: cleaned.applicant.birthDate } : {}),
    };
    return { procedure: procedure!, agency: agency!, agencies: routeAgencies, applicant, phone: phone!, route, form };
  }

  /** A supplement's components: known, not listed twice, (all required ones given,) and the owner's own files. */
  async checkComponents(
    procedure: ProcedureEntity,
    components: DossierComponent[],
    owner: { kind: 'citizen' | 'officer'; id: string },
    requireAll = true,
  ): Promise<FieldError[]> {
    const ids = [...new Set(components.flatMap((c) => c.fileIds))];
    const owned = new Set(ids.length > 0 ? (await this.files.findOwned(ids, owner)).map((f) => f.id) : []);
    return componentErrors(procedure, components, owned, requireAll);
  }
}

/**
 * Why dossiers of the procedure cannot be received at this agency: unknown, closed (from which day, and who took
 * over), a body that does not receive, or a desk named to receive other procedures only. Null when it receives them.
 */
