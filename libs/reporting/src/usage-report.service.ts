import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, UNMETERED_ACTIONS } from '@dvc/core';
import { toCsv } from './csv';

export interface UsageRow {
  unitCode: string;
  unitName: string;
  dossiersHandled: number;
  sms: { messages: number; segments: number; costVnd: number };
  payments: { count: number; amountVnd: number; commissionVnd: number };
}

/**
 * What the IT-service rental is paid on (Decision 80/2014/QĐ-TTg), per child unit of `unitCode` and period:
 * dossiers handled (by every unit that worked on them in the period, as `agenciesThatWorkedOn` in libs/core
 * defines it; the total counts each dossier once), SMS sent (messages, billed segments, cost) and payments settled
 * with the gateway's commission. SMS without an agency (sign-in codes) count for the city itself.
 */
@Injectable()
export class UsageReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(unitCode: string, from: Date, to: Date): Promise<{ unitCode: string; from: string; to: string; rows: UsageRow[]; total: UsageRow }> {
    if (!(from < to)) throw DomainError.validation([{ field: 'to', message: 'must be after from' }]);
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH scope AS (
         SELECT u.code AS unit_code,
           CASE WHEN u.code = $1 THEN u.code WHEN u.parent_code = $1 THEN u.code WHEN p.parent_code = $1 THEN p.code END AS child_code
         FROM units u LEFT JOIN units p ON p.code = u.parent_code
       ), city AS (SELECT code FROM units WHERE parent_code IS NULL LIMIT 1),
       worked AS (
         -- agenciesThatWorkedOn (libs/core): both agencies of every event in the period but a reorganisation's
         SELECT DISTINCT e.dossier_id, s.child_code
         FROM dossier_events e CROSS JOIN LATERAL (VALUES (e.from_agency_code), (e.to_agency_code)) AS w(agency_code)
         JOIN agencies a ON a.code = w.agency_code JOIN scope s ON s.unit_code = a.unit_code
         WHERE e.at >= $2 AND e.at < $3 AND e.action <> ALL($4::text[]) AND s.child_code IS NOT NULL
       ), handled AS (
         SELECT child_code, count(*) AS n FROM worked GROUP BY child_code
       ), sms AS (
         SELECT s.child_code, count(*) AS n, sum(m.segments) AS segments, sum(m.cost_vnd) AS cost
         FROM sms_messages m LEFT JOIN agencies a ON a.code = m.agency_code
         JOIN scope s ON s.unit_code = COALESCE(a.unit_code, (SELECT code FROM city))
         WHERE m.created_at >= $2 AND m.created_at < $3 AND m.status IN ('sending', 'sent', 'delivered') AND s.child_code IS NOT NULL GROUP BY s.child_code
       ), pay AS (
         SELECT s.child_code, count(*) AS n, sum(p.amount_vnd) AS amount, sum(p.commission_vnd) AS commission
         FROM payments p JOIN agencies a ON a.code = p.agency_code JOIN scope s ON s.unit_code = a.unit_code
         WHERE p.paid_at >= $2 AND p.paid_at < $3 AND p.status IN ('paid', 'refund_pending', 'refunded') AND s.child_code IS NOT NULL GROUP BY s.child_code
       ), children AS (
         SELECT code, name, 1 AS ord FROM units WHERE parent_code = $1 AND valid_to IS NULL
         UNION ALL SELECT code, name, 0 FROM units WHERE code = $1
       )
       SELECT c.code, c.name, c.ord, h.n AS handled, sms.n AS sms, sms.segments, sms.cost, pay.n AS payments, pay.amount, pay.commission,
         (SELECT count(DISTINCT w.dossier_id) FROM worked w JOIN children k ON k.code = w.child_code) AS handled_anywhere
       FROM children c LEFT JOIN handled h ON h.child_code = c.code LEFT JOIN sms ON sms.child_code = c.code LEFT JOIN pay ON pay.child_code = c.code
       ORDER BY c.ord, c.code`,
      [unitCode, from, to, UNMETERED_ACTIONS],
    );
    if (rows.length === 0) throw DomainError.notFound(`Unit ${unitCode}`);
    const n = (v: unknown) => Number(v ?? 0);
    const result: UsageRow[] = rows.map((r) => ({
      unitCode: String(r.code),
      unitName: String(r.ord) === '0' ? `${r.name} (cơ quan cấp mình)` : String(r.name),
      dossiersHandled: n(r.handled),
      sms: { messages: n(r.sms), segments: n(r.segments), costVnd: n(r.cost) },
      payments: { count: n(r.payments), amountVnd: n(r.amount), commissionVnd: n(r.commission) },
    }));
    const sum = (pick: (r: UsageRow) => number) => result.reduce((s, r) => s + pick(r), 0);
    const total: UsageRow = {
      // A dossier handled at a commune and at its district is one dossier of the total.
      unitCode,
      unitName: 'Tổng cộng',
      dossiersHandled: n(rows[0].handled_anywhere),
      sms: { messages: sum((r) => r.sms.messages), segments: sum((r) => r.sms.segments), costVnd: sum((r) => r.sms.costVnd) },
      payments: { count: sum((r) => r.payments.count), amountVnd: sum((r) => r.payments.amountVnd), commissionVnd: sum((r) => r.payments.commissionVnd) },
    };
    return { unitCode, from: from.toISOString(), to: to.toISOString(), rows: result, total };
  }

  toCsv(report: { rows: UsageRow[]; total: UsageRow }): string {
    const header = [
      'Mã đơn vị',
      'Tên đơn vị',
      'Hồ sơ đã xử lý',
      'Số tin nhắn',
      'Số bản tin (segment)',
      'Chi phí SMS (đồng)',
      'Số giao dịch thanh toán',
      'Số tiền (đồng)',
      'Phí giao dịch (đồng)',
    ];
    const line = (r: UsageRow) => [
      r.unitCode,
      r.unitName,
      r.dossiersHandled,
      r.sms.messages,
      r.sms.segments,
      r.sms.costVnd,
      r.payments.count,
      r.payments.amountVnd,
      r.payments.commissionVnd,
    ];
    return toCsv(header, [...report.rows.map(line), line(report.total)]);
  }
}
