import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { formatCompact, gatewayDisagreement, vnpAmountToVnd, type GatewayDisagreement } from '@dvc/core';
import { PaymentEntity } from './payment.entity';
import { VnpayApiClient } from './vnpay-api.client';

export type PaymentMismatch =
  /** The dossier's recorded paid total differs from the payments credited to it. */
  | { kind: 'dossier_total'; dossierCode: string; recordedVnd: number; paymentsVnd: number }
  /** Money we took that the dossier did not owe (a late IPN, a payment after withdrawal), not yet refunded. */
  | { kind: 'overpayment_held'; dossierCode: string; txnRef: string; amountVnd: number }
  /** What the gateway says (querydr) about an online payment disagrees with what we hold. */
  | { kind: GatewayDisagreement; dossierCode: string; txnRef: string; status: string; gateway: string };

/** How far back the gateway is asked about online payments (the check runs daily). */
const GATEWAY_LOOKBACK_HOURS = 48;

/**
 * The reconciliation report: our own totals, overpayments still held, and every online payment changed in the last
 * two days compared with the gateway's answer to querydr. Empty when everything agrees.
 */
@Injectable()
export class PaymentMismatchesService {
  private readonly logger = new Logger('PaymentMismatches');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: VnpayApiClient,
  ) {}

  async mismatches(now = new Date()): Promise<PaymentMismatch[]> {
    return [...(await this.dossierTotals()), ...(await this.overpaymentsHeld()), ...(await this.againstGateway(now))];
  }

  private async dossierTotals(): Promise<PaymentMismatch[]> {
    const rows: { code: string; recorded: number; payments: string }[] = await this.db.query(
      `SELECT d.code, d.fees_paid_vnd AS recorded, COALESCE(SUM(p.amount_vnd) FILTER (WHERE p.credited AND p.status IN ('paid', 'refund_pending', 'refunded')), 0) AS payments
       FROM dossiers d JOIN payments p ON p.dossier_id = d.id
       GROUP BY d.id HAVING d.fees_paid_vnd <> COALESCE(SUM(p.amount_vnd) FILTER (WHERE p.credited AND p.status IN ('paid', 'refund_pending', 'refunded')), 0)`,
    );
    return rows.map((r) => ({ kind: 'dossier_total', dossierCode: r.code, recordedVnd: Number(r.recorded), paymentsVnd: Number(r.payments) }));
  }

  private async overpaymentsHeld(): Promise<PaymentMismatch[]> {
    const rows = await this.db.getRepository(PaymentEntity).findBy({ credited: false, status: 'paid' });
    return rows.map((p) => ({ kind: 'overpayment_held', dossierCode: p.dossierCode, txnRef: p.txnRef, amountVnd: p.amountVnd }));
  }

  private async againstGateway(now: Date): Promise<PaymentMismatch[]> {
    const since = new Date(now.getTime() - GATEWAY_LOOKBACK_HOURS * 3600_000);
    const recent = await this.db.getRepository(PaymentEntity).find({
      where: { method: 'vnpay', updatedAt: MoreThanOrEqual(since), status: In(['awaiting', 'paid', 'cancelled', 'failed', 'refund_pending', 'refunded']) },
      order: { createdAt: 'ASC' },
    });
    const found: PaymentMismatch[] = [];
    for (const p of recent) {
      let view: { responseCode: string; transactionStatus?: string; amountVnd: number | null };
      try {
        const answer = await this.gateway.query(p.txnRef, p.gatewayCreateDate ?? formatCompact(p.createdAt), `Doi soat ho so ${p.dossierCode}`);
        view = { responseCode: answer.vnp_ResponseCode, transactionStatus: answer.vnp_TransactionStatus, amountVnd: vnpAmountToVnd(answer.vnp_Amount) };
      } catch (error) {
        this.logger.warn(`querydr for ${p.txnRef} failed: ${(error as Error).message}`);
        view = { responseCode: 'unreachable', amountVnd: null };
      }
      const kind = gatewayDisagreement(p.status, p.amountVnd, view);
      if (kind)
        found.push({ kind, dossierCode: p.dossierCode, txnRef: p.txnRef, status: p.status, gateway: `${view.responseCode}/${view.transactionStatus ?? ''}` });
    }
    return found;
  }
}
