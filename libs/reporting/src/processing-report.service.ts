import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { DomainError, formatYmd, inProgressAsOf, toLocalParts, type Principal } from '@dvc/core';
import { toCsv } from './csv';
import { assertMayReadReport } from './report-access';
import { factsReportSql, rawReportSql } from './processing-report.sql';

/** Hà Nội keeps UTC+7 all year. */
const isLocalMidnight = (t: Date) => (t.getTime() + 7 * 3_600_000) % 86_400_000 === 0;

export interface ProcessingRow {
  unitCode: string;
  unitName: string;
  received: { carriedOver: number; online: number; direct: number; post: number };
  resolved: { early: number; onTime: number; late: number };
  inProgress: { withinDeadline: number; overdue: number; paused: number };
  supplementPending: number;
  withdrawn: number;
  refused: number;
  /** Gross: every payment settled in the period, refunded later or not (api.md's feesCollected). */
  feesCollected: number;
  fees: { collected: number; refunded: number; net: number };
  satisfaction: { verySatisfied: number; satisfied: number; unsatisfied: number; rate: number | null };
}

/** Share of ratings given in the period that are satisfied or very satisfied; null when nobody rated. */
export function satisfactionRate(verySatisfied: number, satisfied: number, unsatisfied: number): number | null {
  const rated = verySatisfied + satisfied + unsatisfied;
  return rated === 0 ? null : Math.round(((verySatisfied + satisfied) / rated) * 10_000) / 10_000;
}

/**
 * The standard report (api.md "Reports"): for a unit and a period [from, to), one row per child unit (the unit's
 * own agencies get a row of their own) plus a total. Dossiers count where they were received. Definitions:
 * carried over = received before `from` and not finished by then; received = received in the period by channel;
 * resolved = finished with a result in the period, by timeliness (classifyTimeliness's rule, holidays included; more
 * than one supplementation request is late); in progress = open at min(now, to), judged at that instant against the
 * reference due time, those then waiting for the applicant on a line of their own (paused, never overdue);
 * supplement pending = waiting for a supplement now; withdrawn/refused = ended so in the period; fees = payments
 * settled in the period (gross), refunds made in it, and the difference; satisfaction = ratings given in the period.
 *
 * Periods that start and end at local midnight (every statistics period) read the report facts the triggers keep;
 * other instants count the rows (processing-report.sql.ts).
 */
@Injectable()
export class ProcessingReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * `mapDate` picks the administrative map the rows follow (default: the last day of the period), so periods before
   * a reorganisation read on the old map and later ones on the new; passing another date re-aggregates onto that map.
   */
  async report(
    principal: Principal,
    unitCode: string,
    from: Date,
    to: Date,
    mapDate?: string,
    now = new Date(),
  ): Promise<{ unitCode: string; from: string; to: string; asOf: string; mapDate: string; rows: ProcessingRow[]; total: ProcessingRow }> {
    if (!(from < to)) throw DomainError.validation([{ field: 'to', message: 'must be after from' }]);
    await assertMayReadReport(this.db, principal, unitCode);
    // The SQL judges finishing days inside the period: it needs the days off of the years the period spans.
    const { holidays, working } = await this.calendars.days(toLocalParts(from).year, toLocalParts(new Date(to.getTime() - 1)).year);
    const map = mapDate ?? formatYmd(new Date(to.getTime() - 1));
    const { asOf, live } = inProgressAsOf(to, now);
    const params: unknown[] = [unitCode, from, to, holidays, working, map, asOf];
    const rows: Record<string, unknown>[] =
      isLocalMidnight(from) && isLocalMidnight(to) ? await this.db.query(factsReportSql(live), params) : await this.db.query(rawReportSql(live), params);
    if (rows.length === 0) throw DomainError.notFound(`Unit ${unitCode}`);
    const n = (v: unknown) => Number(v ?? 0);
    const toRow = (r: Record<string, unknown>): ProcessingRow => ({
      unitCode: String(r.code),
      unitName: String(r.ord) === '0' ? `${r.name} (cơ quan cấp mình)` : String(r.name),
      received: { carriedOver: n(r.carried_over), online: n(r.online), direct: n(r.direct), post: n(r.post) },
      resolved: { early: n(r.early), onTime: n(r.on_time), late: n(r.late) },
      inProgress: { withinDeadline: n(r.within_deadline), overdue: n(r.overdue), paused: n(r.paused) },
      supplementPending: n(r.supplement_pending),
      withdrawn: n(r.withdrawn),
      refused: n(r.refused),
      feesCollected: n(r.collected),
      fees: { collected: n(r.collected), refunded: n(r.refunded), net: n(r.collected) - n(r.refunded) },
      satisfaction: {
        verySatisfied: n(r.very_satisfied),
        satisfied: n(r.satisfied),
        unsatisfied: n(r.unsatisfied),
        rate: satisfactionRate(n(r.very_satisfied), n(r.satisfied), n(r.unsatisfied)),
      },
    });
    const own = rows.find((r) => String(r.ord) === '0');
    const ownHasData = own && Object.entries(own).some(([k, v]) => !['code', 'name', 'ord', 'child_code'].includes(k) && n(v) > 0);
    const result = rows.filter((r) => String(r.ord) !== '0' || ownHasData).map(toRow);
    const sum = (pick: (r: ProcessingRow) => number) => result.reduce((s, r) => s + pick(r), 0);
    const total: ProcessingRow = {
      unitCode,
      unitName: 'Tổng cộng',
      received: {
        carriedOver: sum((r) => r.received.carriedOver),
        online: sum((r) => r.received.online),
        direct: sum((r) => r.received.direct),
        post: sum((r) => r.received.post),
      },
      resolved: { early: sum((r) => r.resolved.early), onTime: sum((r) => r.resolved.onTime), late: sum((r) => r.resolved.late) },
      inProgress: {
        withinDeadline: sum((r) => r.inProgress.withinDeadline),
        overdue: sum((r) => r.inProgress.overdue),
        paused: sum((r) => r.inProgress.paused),
      },
      supplementPending: sum((r) => r.supplementPending),
      withdrawn: sum((r) => r.withdrawn),
      refused: sum((r) => r.refused),
      feesCollected: sum((r) => r.feesCollected),
      fees: { collected: sum((r) => r.fees.collected), refunded: sum((r) => r.fees.refunded), net: sum((r) => r.fees.net) },
      satisfaction: {
        verySatisfied: sum((r) => r.satisfaction.verySatisfied),
        satisfied: sum((r) => r.satisfaction.satisfied),
        unsatisfied: sum((r) => r.satisfaction.unsatisfied),
        rate: satisfactionRate(
          sum((r) => r.satisfaction.verySatisfied),
          sum((r) => r.satisfaction.satisfied),
          sum((r) => r.satisfaction.unsatisfied),
        ),
      },
    };
    return { unitCode, from: from.toISOString(), to: to.toISOString(), asOf: asOf.toISOString(), mapDate: map, rows: result, total };
  }

  toCsv(report: { rows: ProcessingRow[]; total: ProcessingRow }): string {
    const header = [
      'Mã đơn vị',
      'Tên đơn vị',
      'Kỳ trước chuyển qua',
      'Tiếp nhận trực tuyến',
      'Tiếp nhận trực tiếp',
      'Tiếp nhận qua bưu chính',
      'Giải quyết trước hạn',
      'Giải quyết đúng hạn',
      'Giải quyết quá hạn',
      'Đang giải quyết trong hạn',
      'Đang giải quyết quá hạn',
      'Tạm dừng chờ công dân',
      'Chờ bổ sung',
      'Rút hồ sơ',
      'Từ chối',
      'Rất hài lòng',
      'Hài lòng',
      'Không hài lòng',
      'Tỷ lệ hài lòng (%)',
      'Phí, lệ phí đã thu (đồng)',
      'Đã hoàn trả (đồng)',
      'Thực thu (đồng)',
    ];
    const line = (r: ProcessingRow) => [
      r.unitCode,
      r.unitName,
      r.received.carriedOver,
      r.received.online,
      r.received.direct,
      r.received.post,
      r.resolved.early,
      r.resolved.onTime,
      r.resolved.late,
      r.inProgress.withinDeadline,
      r.inProgress.overdue,
      r.inProgress.paused,
      r.supplementPending,
      r.withdrawn,
      r.refused,
      r.satisfaction.verySatisfied,
      r.satisfaction.satisfied,
      r.satisfaction.unsatisfied,
      r.satisfaction.rate === null ? '' : Math.round(r.satisfaction.rate * 1000) / 10,
      r.fees.collected,
      r.fees.refunded,
      r.fees.net,
    ];
    return toCsv(header, [...report.rows.map(line), line(report.total)]);
  }
}
