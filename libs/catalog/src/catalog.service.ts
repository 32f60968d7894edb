import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, type AuditActor } from '@dvc/audit';
import { VneidConfig } from '@dvc/config';
import { DomainError, isAssuranceLevel, searchKey, type AssuranceLevel, type OnlineLevel } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';
import { inForce } from './procedure-in-force';
import { procedureDetail, procedureSummary, ProcedureDetailView, ProcedureSummaryView } from './procedure-views';

export interface ProcedureQuery {
  q?: string;
  field?: string;
  onlineLevel?: OnlineLevel;
  level?: string;
  page: number;
  pageSize: number;
}

export interface ProcedurePage {
  items: ProcedureSummaryView[];
  page: number;
  pageSize: number;
  total: number;
}

/** What a summary shows, and what tells whether the row's version is in force yet. */
const SUMMARY_COLUMNS = [
  'code',
  'name',
  'field',
  'fieldCode',
  'onlineLevel',
  'receivingLevels',
  'decidingLevel',
  'processingTime',
  'fees',
  'version',
  'effectiveFrom',
]
  .map((property) => `p.${property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} AS "${property}"`)
  .join(', ');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly vneid: VneidConfig,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Every word of `q` must occur in the folded name/field/code, so accents and word order do not matter. One
   * statement: the page's codes and the number of matches are found on the narrow listing index (or the trigram
   * index), then only the page's rows are read for their summary; a page past the end counts the matches alone.
   */
  async search(query: ProcedureQuery): Promise<ProcedurePage> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['active'];
    const key = query.q ? searchKey(query.q) : '';
    for (const word of key.split(' ').filter(Boolean)) where.push(`search_key LIKE ${param(`%${escapeLike(word)}%`)}`);
    if (query.field) where.push(`(field_code = ${param(query.field)} OR lower(field) = lower($${params.length}))`);
    if (query.onlineLevel) where.push(`online_level = ${param(query.onlineLevel)}`);
    if (query.level) where.push(`${param(query.level)} = ANY(receiving_levels)`);
    const filter = where.join(' AND ');
    const filterParams = [...params];
    const rank = key ? `(search_key LIKE ${param(`${escapeLike(key)}%`)})` : 'false';
    const sql = `WITH hits AS (
        SELECT code, field, name, ${rank} AS prefix_hit, count(*) OVER () AS total FROM procedures
        WHERE ${filter} ORDER BY prefix_hit DESC, ${key ? '' : 'field, '}name, code LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)})
      SELECT ${SUMMARY_COLUMNS}, h.total FROM hits h JOIN procedures p ON p.code = h.code
      ORDER BY h.prefix_hit DESC, ${key ? '' : 'h.field, '}h.name, h.code`;
    const rows = (await this.db.query(sql, params)) as (Partial<ProcedureEntity> & { total: string })[];
    const total =
      rows.length > 0
        ? Number(rows[0].total)
        : query.page > 1
          ? Number((await this.db.query(`SELECT count(*) AS n FROM procedures WHERE ${filter}`, filterParams))[0].n)
          : 0;
    const entities = rows.map(({ total: _total, ...r }) => Object.assign(new ProcedureEntity(), r));
    return { items: (await inForce(this.db, entities)).map(procedureSummary), page: query.page, pageSize: query.pageSize, total };
  }

  async get(code: string): Promise<ProcedureDetailView> {
    const p = await this.db.getRepository(ProcedureEntity).findOne({ where: { code, active: true } });
    if (!p) throw DomainError.notFound(`Procedure ${code}`);
    const [current] = await inForce(this.db, [p]);
    return procedureDetail(current, this.vneid.level4Assurance as AssuranceLevel);
  }

  /** The procedure's own assurance setting (null: back to the default for its online level). */
  async setRequiredAssurance(code: string, level: unknown, by: AuditActor): Promise<ProcedureDetailView> {
    if (level !== null && !isAssuranceLevel(level)) throw DomainError.validation([{ field: 'level', message: 'must be 0, 1, 2 or null' }]);
    await this.db.transaction(async (em) => {
      const procedure = await em.getRepository(ProcedureEntity).findOne({ where: { code, active: true }, lock: { mode: 'pessimistic_write' } });
      if (!procedure) throw DomainError.notFound(`Procedure ${code}`);
      await em.getRepository(ProcedureEntity).update({ code }, { requiredAssurance: level });
      await this.audit.record(em, {
        by,
        entity: 'procedure',
        entityId: code,
        action: 'assurance_change',
        before: { requiredAssurance: procedure.requiredAssurance },
        after: { requiredAssurance: level },
      });
    });
    return this.get(code);
  }
}
