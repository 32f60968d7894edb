import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DomainError,
  formatYmd,
  scoreServiceIndex,
  SERVICE_INDEX_INDICATORS,
  toIsoWithOffset,
  type IndicatorCount,
  type IndicatorScore,
  type Principal,
  type ServiceIndexIndicatorCode,
} from '@dvc/core';
import { assertMayReadReport } from './report-access';
import { serviceIndexDossiersSql, serviceIndexSql } from './service-index.sql';

export interface ServiceIndexRow {
  unitCode: string;
  unitName: string;
  indicators: IndicatorScore[];
  score: number;
  maxScore: number;
}

export interface ServiceIndexDossier {
  code: string;
  unitCode: string;
  childUnitCode: string;
  status: string;
  channel: string;
  receivedAt: string | null;
  finishedAt: string | null;
}

/** The drill-down stops here; `truncated` says there were more. */
export const SERVICE_INDEX_DOSSIERS_CAP = 5000;

type Counts = Record<ServiceIndexIndicatorCode, IndicatorCount>;

/**
 * The service index (libs/core reporting/service-index.ts) per child unit of the asked unit and in total, for a
 * period [from, to), on the administrative map of the period's last day; dossiers count where they were received.
 * Who may read which unit is the processing report's rule (assertMayReadReport).
 */
@Injectable()
export class ServiceIndexService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(principal: Principal, unitCode: string, from: Date, to: Date) {
    await this.check(principal, unitCode, from, to);
    const rows: Record<string, unknown>[] = await this.db.query(serviceIndexSql, [unitCode, from, to, mapDateOf(to)]);
    if (rows.length === 0) throw DomainError.notFound(`Unit ${unitCode}`);
    const countsOf = (r: Record<string, unknown>): Counts =>
      Object.fromEntries(
        SERVICE_INDEX_INDICATORS.map((i) => [
          i.code,
          {
            met: Number(r[`${i.code}_met`] ?? 0),
            of: Number(r[`${i.code}_of`] ?? 0),
          },
        ]),
      ) as Counts;
    const measured = rows.map((r) => ({ r, counts: countsOf(r) }));
    // The unit's own agencies get a row only when they have something to measure (as in the processing report).
    const shown = measured.filter(({ r, counts }) => String(r.ord) !== '0' || Object.values(counts).some((c) => c.of > 0));
    const total = Object.fromEntries(
      SERVICE_INDEX_INDICATORS.map((i) => [
        i.code,
        {
          met: measured.reduce((s, m) => s + m.counts[i.code].met, 0),
          of: measured.reduce((s, m) => s + m.counts[i.code].of, 0),
        },
      ]),
    ) as Counts;
    const toRow = (code: string, name: string, counts: Counts): ServiceIndexRow => ({ unitCode: code, unitName: name, ...scoreServiceIndex(counts) });
    return {
      unitCode,
      from: from.toISOString(),
      to: to.toISOString(),
      rows: shown.map(({ r, counts }) => toRow(String(r.code), String(r.ord) === '0' ? `${r.name} (cơ quan cấp mình)` : String(r.name), counts)),
      total: toRow(unitCode, 'Tổng cộng', total),
    };
  }

  async dossiers(principal: Principal, unitCode: string, from: Date, to: Date, indicator: ServiceIndexIndicatorCode) {
    await this.check(principal, unitCode, from, to);
    const exists: unknown[] = await this.db.query(`SELECT 1 FROM units WHERE code = $1 UNION ALL SELECT 1 FROM unit_versions WHERE code = $1 LIMIT 1`, [
      unitCode,
    ]);
    if (exists.length === 0) throw DomainError.notFound(`Unit ${unitCode}`);
    const rows: Record<string, unknown>[] = await this.db.query(serviceIndexDossiersSql(indicator), [
      unitCode,
      from,
      to,
      mapDateOf(to),
      SERVICE_INDEX_DOSSIERS_CAP + 1,
    ]);
    const at = (v: unknown) => (v ? toIsoWithOffset(new Date(v as string)) : null);
    const items: ServiceIndexDossier[] = rows.slice(0, SERVICE_INDEX_DOSSIERS_CAP).map((r) => ({
      code: String(r.code),
      unitCode: String(r.receiving_unit_code),
      childUnitCode: String(r.child_code),
      status: String(r.status),
      channel: String(r.channel),
      receivedAt: at(r.received_at),
      finishedAt: at(r.finished_at),
    }));
    return { unitCode, indicator, from: from.toISOString(), to: to.toISOString(), items, truncated: rows.length > SERVICE_INDEX_DOSSIERS_CAP };
  }

  private async check(principal: Principal, unitCode: string, from: Date, to: Date) {
    if (!(from < to)) throw DomainError.validation([{ field: 'to', message: 'must be after from' }]);
    await assertMayReadReport(this.db, principal, unitCode);
  }
}

/** The map the rows follow: the period's last day, as the processing report's default. */
const mapDateOf = (to: Date) => formatYmd(new Date(to.getTime() - 1));
