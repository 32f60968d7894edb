import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { DomainError, formatYmd, type Principal } from '@dvc/core';
import { toCsv } from './csv';
import { assertMayReadReport } from './report-access';
import { FACTS_REPORT_SQL, RAW_REPORT_SQL } from './processing-report.sql';

/** Hà Nội keeps UTC+7 all year. */
const isLocalMidnight = (t: Date) => (t.getTime() + 7 * 3_600_000) % 86_400_000 === 0;

export interface ProcessingRow {
  unitCode: string;
  unitName: string;
  received: { carriedOver: number; online: number; direct: number; post: number };
  resolved: { early: number; onTime: number; late: number };
  inProgress: { withinDeadline: number; overdue: number };
  supplementPending: number;
  withdrawn: number;
  refused: number;
  feesCollected: number;
}

/**
 * The standard report (api.md "Reports"): for a unit and a period [from, to), one row per child unit (the unit's
 * own agencies get a row of their own) plus a total. Dossiers count where they were received. Definitions:
 * carried over = received before `from` and not finished by then; received = received in the period by channel;
 * resolved = finished with a result in the period, by timeliness (the rule of classifyTimeliness, holidays
 * included); in progress = received before `to` and not finished by then, by the due time against `to`;
 * supplement pending = waiting for the applicant now; withdrawn/refused = ended so in the period; fees = payments
 * settled in the period.
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
  async report(principal: Principal, unitCode: string, from: Date, to: Date, mapDate?: string): Promise<{ unitCode: string; from: string; to: string; mapDate: string; rows: ProcessingRow[]; total: ProcessingRow }> {
    if (!(from < to)) throw DomainError.validation([{ field: 'to', message: 'must be after from' }]);
    await assertMayReadReport(this.db, principal, unitCode);
    const { holidays, working } = await this.calendars.days();
    const map = mapDate ?? formatYmd(new Date(to.getTime() - 1));
    const params: unknown[] = [unitCode, from, to, holidays, working, map];
    const rows: Record<string, unknown>[] = isLocalMidnight(from) && isLocalMidnight(to)
      ? await this.db.query(FACTS_REPORT_SQL, params)
      : await this.db.query(RAW_REPORT_SQL, params);
    if (rows.length === 0) throw DomainError.notFound(`Unit ${unitCode}`);
    const n = (v: unknown) => Number(v ?? 0);
    const toRow = (r: Record<string, unknown>): ProcessingRow => ({
      unitCode: String(r.code),
      unitName: String(r.ord) === '0' ? `${r.name} (cơ quan cấp mình)` : String(r.name),
      received: { carriedOver: n(r.carried_over), online: n(r.online), direct: n(r.direct), post: n(r.post) },
      resolved: { early: n(r.early), onTime: n(r.on_time), late: n(r.late) },
      inProgress: { withinDeadline: n(r.within_deadline), overdue: n(r.overdue) },
      supplementPending: n(r.supplement_pending),
      withdrawn: n(r.withdrawn),
      refused: n(r.refused),
      feesCollected: n(r.collected),
    });
    const own = rows.find((r) => String(r.ord) === '0');
    const ownHasData = own && Object.entries(own).some(([k, v]) => !['code', 'name', 'ord', 'child_code'].includes(k) && n(v) > 0);
    const result = rows.filter((r) => String(r.ord) !== '0' || ownHasData).map(toRow);
    const sum = (pick: (r: ProcessingRow) => number) => result.reduce((s, r) => s + pick(r), 0);
    const total: ProcessingRow = {
      unitCode, unitName: 'Tổng cộng',
      received: { carriedOver: sum((r) => r.received.carriedOver), online: sum((r) => r.received.online), direct: sum((r) => r.received.direct), post: sum((r) => r.received.post) },
      resolved: { early: sum((r) => r.resolved.early), onTime: sum((r) => r.resolved.onTime), late: sum((r) => r.resolved.late) },
      inProgress: { withinDeadline: sum((r) => r.inProgress.withinDeadline), overdue: sum((r) => r.inProgress.overdue) },
      supplementPending: sum((r) => r.supplementPending), withdrawn: sum((r) => r.withdrawn), refused: sum((r) => r.refused), feesCollected: sum((r) => r.feesCollected),
    };
    return { unitCode, from: from.toISOString(), to: to.toISOString(), mapDate: map, rows: result, total };
  }

  toCsv(report: { rows: ProcessingRow[]; total: ProcessingRow }): string {
    const header = ['Mã đơn vị', 'Tên đơn vị', 'Kỳ trước chuyển qua', 'Tiếp nhận trực tuyến', 'Tiếp nhận trực tiếp', 'Tiếp nhận qua bưu chính',
      'Giải quyết trước hạn', 'Giải quyết đúng hạn', 'Giải quyết quá hạn', 'Đang giải quyết trong hạn', 'Đang giải quyết quá hạn',
      'Chờ bổ sung', 'Rút hồ sơ', 'Từ chối', 'Phí, lệ phí đã thu (đồng)'];
    const line = (r: ProcessingRow) => [r.unitCode, r.unitName, r.received.carriedOver, r.received.online, r.received.direct, r.received.post,
      r.resolved.early, r.resolved.onTime, r.resolved.late, r.inProgress.withinDeadline, r.inProgress.overdue, r.supplementPending, r.withdrawn, r.refused, r.feesCollected];
    return toCsv(header, [...report.rows.map(line), line(report.total)]);
  }

  /** Administrators read any unit; leaders their own unit and the units below it. */
  private async assertMayRead(principal: Principal, unitCode: string): Promise<void> {
    if (principal.kind !== 'officer') throw DomainError.notFound(`Unit ${unitCode}`);
    if (principal.roles.includes('admin')) return;
    const rows: { ok: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM units u LEFT JOIN units p ON p.code = u.parent_code WHERE u.code = $1 AND (u.code = $2 OR u.parent_code = $2 OR p.parent_code = $2)) AS ok`,
      [unitCode, principal.unitCode],
    );
    if (!rows[0]?.ok) throw DomainError.notFound(`Unit ${unitCode}`);
  }
}
