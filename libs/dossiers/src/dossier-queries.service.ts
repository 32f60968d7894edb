import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { ProcedureEntity } from '@dvc/catalog';
import {
  applicantSearchKey,
  cleanText,
  decodeListCursor,
  DomainError,
  encodeListCursor,
  isClosedStatus,
  overdueNowSql,
  type ActorRole,
  type ListCursor,
  type ListCursorOrder,
  type DossierStatus,
  type PortalDossierSnapshot,
  type Principal,
} from '@dvc/core';
import { AgencyEntity } from '@dvc/units';
import { DossierEntity } from './dossier.entity';
import { DossierEventEntity } from './dossier-event.entity';
import { dossierDetail, dossierSummary, historyView } from './dossier-views';
import { trackDossier } from './public-tracking';
import { CITIZEN_REACHES_DOSSIER, citizenAccessParams } from './citizen-access';
import { whereOfficerMayRead } from './officer-readable';

export interface DossierListQuery {
  status?: DossierStatus[];
  overdue?: boolean;
  flag?: 'nearly_due' | 'overdue';
  dueBefore?: Date;
  q?: string;
  cursor?: string;
  limit: number;
}

function decodeCursor(cursor: string, order: ListCursorOrder): ListCursor {
  const decoded = decodeListCursor(cursor, order);
  if (!decoded) throw DomainError.validation([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  return decoded;
}
const MAX_SEARCH_WORDS = 8;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const SUMMARY_COLUMNS: (keyof DossierEntity)[] = [
  'id',
  'code',
  'procedureCode',
  'receivingAgencyCode',
  'currentAgencyCode',
  'status',
  'channel',
  'applicant',
  'assigneeId',
  'submittedAt',
  'receivedAt',
  'dueAt',
  'extendedDueAt',
  'pausedAt',
  'supplementRequests',
  'finishedAt',
  'deadlineFlag',
  'version',
];
@Injectable()
export class DossierQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /** A citizen's own dossiers (newest first), or an officer's worklist: now at their scope, most urgent first. */
  async list(principal: Principal, query: DossierListQuery) {
    // Only what a list line shows: the forms, components and route of 20 dossiers are most of their bytes.
    const qb = this.db
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      .select(SUMMARY_COLUMNS.map((c) => `d.${c}`));
    const officer = principal.kind === 'officer';
    if (officer) {
      qb.where('d.current_scope_code = :scope', { scope: principal.scopeCode });
      if (!query.status?.some(isClosedStatus)) qb.andWhere('d.closed_at IS NULL');
    } else {
      qb.where(CITIZEN_REACHES_DOSSIER, citizenAccessParams(principal));
    }
    if (query.status?.length) qb.andWhere('d.status IN (:...status)', { status: query.status });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? overdueNowSql('d', 'now()') : `NOT ${overdueNowSql('d', 'now()')}`);
    if (query.dueBefore) qb.andWhere('d.due_at < :dueBefore', { dueBefore: query.dueBefore });
    if (query.flag) qb.andWhere('d.deadline_flag = :flag', { flag: query.flag });
    if (query.q) {
      const q = cleanText(query.q).trim();
      // Every word of the query, folded like the stored key, somewhere in the name: "Hang", "Hằng" and "nguyen hang" all find "Nguyễn Thị Hằng".
      const words = applicantSearchKey(q).split(' ').filter(Boolean).slice(0, MAX_SEARCH_WORDS);
      qb.andWhere(
        new Brackets((w) => {
          w.where('d.code LIKE :qc', { qc: `${escapeLike(q)}%` });
          if (words.length > 0) {
            w.orWhere(
              new Brackets((n) => words.forEach((word, i) => n.andWhere(`d.applicant_search_key LIKE :qn${i}`, { [`qn${i}`]: `%${escapeLike(word)}%` }))),
            );
          }
        }),
      );
    }
    if (officer) this.keysetByDue(qb, query.cursor);
    else this.keysetBySubmission(qb, query.cursor);
    const rows = await qb.limit(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeListCursor(officer ? last.dueAt : last.submittedAt, last.id) : null;
    const [calendar, procedures] = await Promise.all([this.calendars.calendarFor(null), this.procedureNames(page.map((d) => d.procedureCode))]);
    const now = new Date();
    const items = page.map((d) => dossierSummary(d, { procedure: procedures.get(d.procedureCode) }, calendar, now));
    // The applicant is never shown an officer's id.
    return { items: officer ? items : items.map((i) => ({ ...i, assigneeId: null })), nextCursor };
  }

  /** How many unfinished dossiers are now at an agency (an administrator's view of an agency, closed or not). */
  async openCountAt(agencyCode: string): Promise<number> {
    return this.db
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      .where('d.current_agency_code = :agencyCode AND d.closed_at IS NULL', { agencyCode })
      .getCount();
  }

  async get(principal: Principal, code: string) {
    const dossier = await this.findReadable(principal, code);
    const events = await this.events(dossier.id);
    const [procedures, agencies] = await Promise.all([
      this.procedureNames([dossier.procedureCode]),
      this.agencyNames([
        dossier.receivingAgencyCode,
        dossier.currentAgencyCode,
        ...dossier.route.map((s) => s.agencyCode),
        ...events.flatMap((e) => [e.toAgencyCode, e.fromAgencyCode ?? '']),
      ]),
    ]);
    return this.present(principal, dossier, events, { procedure: procedures.get(dossier.procedureCode), agencies });
  }

  /** The detail of a dossier already in hand (one just written, say) with the names it needs; reads nothing else. */
  async present(principal: Principal, dossier: DossierEntity, events: DossierEventEntity[], names: { procedure?: string; agencies: Map<string, string> }) {
    const [calendar, authorities] = await Promise.all([
      this.calendars.calendarFor(dossier.receivingUnitCode),
      principal.kind === 'citizen' ? this.authorityNames(events.flatMap((e) => [e.toAgencyCode, e.fromAgencyCode ?? ''])) : null,
    ]);
    return dossierDetail(dossier, events, names, calendar, this.callerRole(principal, dossier), authorities);
  }

  async history(principal: Principal, code: string) {
    const dossier = await this.findReadable(principal, code);
    const events = await this.events(dossier.id);
    const codes = events.flatMap((e) => [e.toAgencyCode, e.fromAgencyCode ?? '']);
    const [agencies, authorities] = await Promise.all([this.agencyNames(codes), principal.kind === 'citizen' ? this.authorityNames(codes) : null]);
    return historyView(events, agencies, authorities);
  }

  track(code: string, phoneLastFour: string) {
    return trackDossier(this.db, this.calendars, code, phoneLastFour);
  }

  /** Everything the national portal is told about a dossier, as of now (for the sync worker). */
  async portalSnapshot(code: string): Promise<PortalDossierSnapshot | null> {
    const d = await this.db.getRepository(DossierEntity).findOneBy({ code });
    if (!d) return null;
    const events = await this.events(d.id);
    const [procedures, agencies] = await Promise.all([this.procedureNames([d.procedureCode]), this.agencyNames([d.receivingAgencyCode])]);
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: procedures.get(d.procedureCode) ?? d.procedureCode,
      receivingAgencyCode: d.receivingAgencyCode,
      receivingAgencyName: agencies.get(d.receivingAgencyCode) ?? d.receivingAgencyCode,
      currentAgencyCode: d.currentAgencyCode,
      status: d.status,
      channel: d.channel,
      applicant: {
        fullName: d.applicant.fullName,
        idNumber: d.applicant.idNumber,
        phone: d.applicant.phone,
        email: d.applicant.email,
        address: d.applicant.address,
      },
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      extendedDueAt: d.extendedDueAt,
      finishedAt: d.finishedAt,
      returnedAt: d.returnedAt,
      feeTotalVnd: d.feeTotalVnd,
      feesPaidVnd: d.feesPaidVnd,
      outcome: d.outcome,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        at: e.at,
        actorName: e.actorName,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        fromAgencyCode: e.fromAgencyCode,
        toAgencyCode: e.toAgencyCode,
        note: e.note,
        data: e.data,
      })),
    };
  }

  /** The applicant's own dossier (by account or by the phone it was registered with), or 404. */
  async findOwnDossier(principal: Principal, code: string): Promise<DossierEntity> {
    if (principal.kind !== 'citizen') throw DomainError.notFound(`Dossier ${code}`);
    return this.findReadable(principal, code);
  }

  /** A dossier now in the officer's scope, or 404. */
  async findInScope(principal: Principal, code: string): Promise<DossierEntity> {
    if (principal.kind !== 'officer') throw DomainError.notFound(`Dossier ${code}`);
    const dossier = await this.db.getRepository(DossierEntity).findOneBy({ code, currentScopeCode: principal.scopeCode });
    if (!dossier) throw DomainError.notFound(`Dossier ${code}`);
    return dossier;
  }

  /** Officers read dossiers now at their scope or whose route passes through it; applicants their own. */
  async findReadable(principal: Principal, code: string): Promise<DossierEntity> {
    const qb = this.db.getRepository(DossierEntity).createQueryBuilder('d').where('d.code = :code', { code });
    if (principal.kind === 'officer') {
      whereOfficerMayRead(qb, principal);
    } else {
      qb.andWhere(CITIZEN_REACHES_DOSSIER, citizenAccessParams(principal));
    }
    const dossier = await qb.getOne();
    if (!dossier) throw DomainError.notFound(`Dossier ${code}`);
    return dossier;
  }

  private callerRole(principal: Principal, dossier: DossierEntity): ActorRole | null {
    if (principal.kind === 'citizen') return 'applicant';
    if (dossier.currentScopeCode !== principal.scopeCode) return null;
    return (
      principal.roles.find((r): r is Exclude<typeof r, 'admin' | 'unit_admin' | 'auditor'> => r !== 'admin' && r !== 'unit_admin' && r !== 'auditor') ?? null
    );
  }

  private events(dossierId: string) {
    return this.db.getRepository(DossierEventEntity).find({ where: { dossierId }, order: { id: 'ASC' } });
  }

  private async procedureNames(codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.getRepository(ProcedureEntity).find({ where: { code: In(unique) }, select: { code: true, name: true } });
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  private async agencyNames(codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes.filter(Boolean))];
    if (unique.length === 0) return new Map();
    const rows = await this.db.getRepository(AgencyEntity).find({ where: { code: In(unique) }, select: { code: true, name: true } });
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * The authority each agency acts for, as the applicant is told: the People's Committee of its scope (a commune's or
   * district's desk and offices), or the city department itself.
   */
  private async authorityNames(codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes.filter(Boolean))];
    if (unique.length === 0) return new Map();
    const rows: { code: string; name: string }[] = await this.db.query(
      `SELECT DISTINCT ON (a.code) a.code, h.name FROM agencies a
         JOIN agencies h ON h.scope_code = a.scope_code AND h.kind IN ('people_committee', 'department')
        WHERE a.code = ANY($1) ORDER BY a.code, (h.code = a.code) DESC, (h.valid_to IS NULL) DESC, h.code`,
      [unique],
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  private keysetByDue(qb: SelectQueryBuilder<DossierEntity>, cursor?: string) {
    if (cursor) {
      const { key: due, id } = decodeCursor(cursor, 'due');
      if (due === null) qb.andWhere('(d.due_at IS NULL AND d.id > :cid2)', { cid2: id });
      else qb.andWhere('(d.due_at > :cdue OR (d.due_at = :cdue AND d.id > :cid2) OR d.due_at IS NULL)', { cdue: due, cid2: id });
    }
    qb.orderBy('d.due_at', 'ASC', 'NULLS LAST').addOrderBy('d.id', 'ASC');
  }

  private keysetBySubmission(qb: SelectQueryBuilder<DossierEntity>, cursor?: string) {
    if (cursor) {
      const { key: at, id } = decodeCursor(cursor, 'submission');
      qb.andWhere('(d.submitted_at < :cat OR (d.submitted_at = :cat AND d.id < :cid2))', { cat: at, cid2: id });
    }
    qb.orderBy('d.submitted_at', 'DESC').addOrderBy('d.id', 'DESC');
  }
}
