import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { procedureAtVersion } from '@dvc/catalog';
import { HttpConfig } from '@dvc/config';
import { actionNameVi, DomainError, DomainErrorCode, toIsoWithOffset, type Principal } from '@dvc/core';
import { DocumentDataError, renderDocument, type DocumentData, type DocumentForm, type Signer } from '@dvc/documents';
import { SignedDocumentsService } from '@dvc/signing';
import { AgencyEntity, UnitEntity } from '@dvc/units';
import type { DossierEntity } from './dossier.entity';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierQueriesService } from './dossier-queries.service';
import { controlSlip } from './dossier-views';

const iso = (d: Date) => toIsoWithOffset(d);
/** The forms handed to the applicant, issued signed. */
const SIGNED_FORMS = new Set<DocumentForm>(['receipt', 'supplement-request', 'refusal', 'apology', 'stop-notice']);
const lastOf = (events: DossierEventEntity[], action: string) => [...events].reverse().find((e) => e.action === action) ?? null;
/** The officer of an event as the forms print them: the full name and title the event kept. */
const signerOf = (e: DossierEventEntity): Signer => ({ name: e.actorName, title: e.actorTitle });

/** Forms 01–04 and the control slip, filled from the dossier and its events, as PDF. */
@Injectable()
export class DossierDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queries: DossierQueriesService,
    private readonly http: HttpConfig,
    private readonly signed: SignedDocumentsService,
  ) {}

  /**
   * The form as PDF; the ones issued to the applicant are signed with the receiving agency's certificate and carry
   * their own verification link (each copy is a signed document of its own). The control slip is an internal record.
   */
  async render(principal: Principal, code: string, form: DocumentForm): Promise<Buffer> {
    const dossier = await this.queries.findReadable(principal, code);
    const data = await this.dataFor(dossier, form);
    const id = SIGNED_FORMS.has(form) ? this.signed.newId() : null;
    if (id) data.verifyUrl = this.signed.verifyUrl(id);
    let pdf: Buffer;
    try {
      pdf = await renderDocument(data);
    } catch (error) {
      if (error instanceof DocumentDataError) throw new DomainError(DomainErrorCode.TransitionNotAllowed, error.message);
      throw error;
    }
    if (!id) return pdf;
    return this.signed.sign({
      id,
      dossierId: dossier.id,
      dossierCode: dossier.code,
      kind: form,
      pdf,
      reason: `${form} ${dossier.code}`,
      agency: { code: data.agency.code, name: data.agency.name, unitName: data.agency.unitName },
    });
  }

  private async dataFor(d: DossierEntity, form: DocumentForm): Promise<DocumentData> {
    const events = await this.db.getRepository(DossierEventEntity).find({ where: { dossierId: d.id }, order: { id: 'ASC' } });
    const [procedure, agency, unit] = await Promise.all([
      // The version the dossier was received under: its checklist, not one an administrator published since.
      procedureAtVersion(this.db.manager, d.procedureCode, d.procedureVersion),
      this.db.getRepository(AgencyEntity).findOneByOrFail({ code: d.receivingAgencyCode }),
      this.db.getRepository(UnitEntity).findOne({ where: { code: d.receivingUnitCode }, relations: { parent: true } }),
    ]);
    const agencyCodes = [...new Set(events.flatMap((e) => [e.toAgencyCode, e.fromAgencyCode ?? '']).filter(Boolean))];
    const agencyNames = new Map(
      (await this.db.getRepository(AgencyEntity).find({ where: { code: In(agencyCodes) }, select: { code: true, name: true } })).map((a) => [a.code, a.name]),
    );
    const componentNames = new Map(procedure.components.map((c) => [c.code, c.name]));
    const provided = new Set(d.components.filter((c) => c.fileIds.length > 0).map((c) => c.code));
    const accept = events.find((e) => e.action === 'accept');
    const supplement = lastOf(events, 'request_supplement');
    const refusal = lastOf(events, 'refuse');
    const extension = lastOf(events, 'extend');
    const stop = lastOf(events, 'stop');
    const signedBy = extension ? await this.headSigner(events, extension) : null;
    return {
      form,
      ruleSet: d.ruleSet,
      dossierCode: d.code,
      procedureCode: d.procedureCode,
      procedureName: procedure.name,
      agency: { code: agency.code, name: agency.name, unitName: unit?.name ?? '', parentName: unit?.parent?.name ?? null },
      applicant: {
        fullName: d.applicant.fullName,
        idNumber: d.applicant.idNumber,
        phone: d.applicant.phone,
        address: d.applicant.address,
        email: d.applicant.email,
      },
      submittedAt: iso(d.submittedAt),
      receivedAt: d.receivedAt ? iso(d.receivedAt) : null,
      dueAt: d.dueAt ? iso(d.dueAt) : null,
      components: procedure.components.map((c) => ({
        code: c.code,
        name: c.name,
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        photocopies: c.photocopies,
        provided: provided.has(c.code),
      })),
      resultDelivery: d.resultDelivery,
      receivedBy: accept ? signerOf(accept) : null,
      supplement: supplement
        ? {
            reason: supplement.note ?? '',
            missing: ((supplement.data.missingComponents as string[] | undefined) ?? []).map((c) => ({ code: c, name: componentNames.get(c) ?? c })),
            requestedAt: iso(supplement.at),
            requestedBy: signerOf(supplement),
          }
        : null,
      refusal: refusal ? { reason: refusal.note ?? '', refusedAt: iso(refusal.at), refusedBy: signerOf(refusal) } : null,
      stop: stop ? { reason: stop.note ?? '', stoppedAt: iso(stop.at), stoppedBy: signerOf(stop) } : null,
      apology: extension
        ? {
            reason: extension.note ?? '',
            previousDueAt: String(extension.data.previousDueAt ?? ''),
            newDueAt: String(extension.data.newDueAt ?? ''),
            issuedAt: iso(extension.at),
            issuedBy: signerOf(extension),
            signedBy,
          }
        : null,
      controlSlip: controlSlip(events, agencyNames).map((l) => ({
        fromAgencyName: l.fromAgencyName,
        toAgencyName: l.toAgencyName,
        at: l.at ?? '',
        givenBy: l.givenBy,
        result: l.result,
        action: actionNameVi(l.action),
      })),
      fees: d.fees.filter((f) => f.amountVnd > 0).map((f) => ({ name: f.name, amountVnd: f.amountVnd })),
      feeTotalVnd: d.feeTotalVnd,
      trackingUrl: `${this.http.publicBaseUrl}/tracking/${encodeURIComponent(d.code)}`,
    };
  }

  /**
   * Who signs Form 04 for the head of the agency: the leader who approved the result, else an active leader of the
   * scope that issued the apology (its People's Committee's or department's own leader first); null if none.
   */
  private async headSigner(events: DossierEventEntity[], extension: DossierEventEntity): Promise<Signer | null> {
    const approval = lastOf(events, 'approve');
    if (approval?.actorKind === 'officer') return signerOf(approval);
    const [leader] = (await this.db.query(
      `SELECT o.full_name AS name, o.title FROM officers o
         JOIN agencies a ON a.code = o.agency_code
         JOIN agencies issuing ON issuing.scope_code = a.scope_code AND issuing.code = $1
        WHERE 'leader' = ANY(o.roles) AND o.active
        ORDER BY (a.kind IN ('people_committee', 'department')) DESC, o.created_at, o.id LIMIT 1`,
      [extension.fromAgencyCode ?? extension.toAgencyCode],
    )) as { name: string; title: string | null }[];
    return leader ? { name: leader.name, title: leader.title } : null;
  }
}
