import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { DomainError, formatYmd, type Principal } from '@dvc/core';
import { toCsv } from './csv';

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
    await this.assertMayRead(principal, unitCode);
    const { holidays, working } = await this.calendars.days();
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH versions AS (
         SELECT code, name, parent_code, valid_from, valid_to FROM units
         UNION ALL SELECT code, name, parent_code, valid_from, valid_to FROM unit_versions
       ), valid AS (
         SELECT * FROM versions WHERE valid_from <= $6::date AND (valid_to IS NULL OR valid_to >= $6::date)
       ), mapped AS (
         SELECT code AS unit_code, code AS at_code FROM valid
         UNION ALL SELECT s.old_code, s.new_code FROM unit_successions s
         WHERE s.receives_dossiers AND s.effective_date <= $6::date AND s.old_code NOT IN (SELECT code FROM valid)
       ), scope AS (
         SELECT m.unit_code,
           CASE WHEN v.code = $1 THEN v.code WHEN v.parent_code = $1 THEN v.code WHEN p.parent_code = $1 THEN p.code END AS child_code
         FROM mapped m JOIN valid v ON v.code = m.at_code LEFT JOIN valid p ON p.code = v.parent_code
       ), d AS (
         SELECT s.child_code, x.*, (x.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS finished_day, (x.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day
         FROM dossiers x JOIN scope s ON s.unit_code = x.receiving_unit_code WHERE s.child_code IS NOT NULL
       ), fees AS (
         SELECT s.child_code, sum(p.amount_vnd)::bigint AS collected
         FROM payments p JOIN dossiers x ON x.id = p.dossier_id JOIN scope s ON s.unit_code = x.receiving_unit_code
         WHERE s.child_code IS NOT NULL AND p.paid_at >= $2 AND p.paid_at < $3 AND p.status IN ('paid', 'refund_pending', 'refunded')
         GROUP BY s.child_code
       ), counts AS (
         SELECT child_code,
           count(*) FILTER (WHERE received_at < $2 AND (finished_at IS NULL OR finished_at >= $2)) AS carried_over,
           count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'online') AS online,
           count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'direct') AS direct,
           count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'post') AS post,
           count(*) FILTER (WHERE resolved AND finished_at <= due_at AND finished_day < due_day AND working_finish) AS early,
           count(*) FILTER (WHERE resolved AND (due_at IS NULL OR (finished_at <= due_at AND NOT (finished_day < due_day AND working_finish)))) AS on_time,
           count(*) FILTER (WHERE resolved AND finished_at > due_at) AS late,
           count(*) FILTER (WHERE open_at_end AND (due_at IS NULL OR due_at >= $3)) AS within_deadline,
           count(*) FILTER (WHERE open_at_end AND due_at < $3) AS overdue,
           count(*) FILTER (WHERE status = 'supplement_requested' AND (received_at IS NULL OR received_at < $3)) AS supplement_pending,
           count(*) FILTER (WHERE status = 'withdrawn' AND finished_at >= $2 AND finished_at < $3) AS withdrawn,
           count(*) FILTER (WHERE status = 'refused' AND finished_at >= $2 AND finished_at < $3) AS refused
         FROM (
           SELECT d.*,
             (status IN ('resolved', 'result_returned') AND finished_at >= $2 AND finished_at < $3) AS resolved,
             (received_at < $3 AND (finished_at IS NULL OR finished_at >= $3)) AS open_at_end,
             ((extract(isodow FROM finished_day) < 6 AND NOT finished_day = ANY($4::date[])) OR finished_day = ANY($5::date[])) AS working_finish
           FROM d
         ) z GROUP BY child_code
       ), children AS (
         SELECT code, name, 1 AS ord FROM valid WHERE parent_code = $1
         UNION ALL SELECT code, name, 0 FROM valid WHERE code = $1
       )
       SELECT c.code, c.name, c.ord, k.*, COALESCE(f.collected, 0) AS collected
       FROM children c LEFT JOIN counts k ON k.child_code = c.code LEFT JOIN fees f ON f.child_code = c.code
       ORDER BY c.ord, c.code`,
      [unitCode, from, to, holidays, working, mapDate ?? formatYmd(new Date(to.getTime() - 1))],
    );
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
    return { unitCode, from: from.toISOString(), to: to.toISOString(), mapDate: mapDate ?? formatYmd(new Date(to.getTime() - 1)), rows: result, total };
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
