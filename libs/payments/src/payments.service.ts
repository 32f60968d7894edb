import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { HttpConfig, PaymentsConfig } from '@dvc/config';
import { CatalogService } from '@dvc/catalog';
import {
  buildVnpayPaymentUrl,
  commissionVnd,
  decideIpn,
  DomainError,
  DomainErrorCode,
  formatCompact,
  parseVnpayDate,
  toIsoWithOffset,
  verifyVnpay,
  vnpayIpnResponseBody,
  vnpAmountToVnd,
  type CitizenPrincipal,
  type OfficerPrincipal,
  type VnpayPaymentStatus,
} from '@dvc/core';
import { DossierActionsService, DossierEntity, DossierQueriesService } from '@dvc/dossiers';
import { officerSignature } from '@dvc/identity';
import { paymentJob, writeOutbox } from '@dvc/outbox';
import { PaymentEntity, PaymentMethod, PaymentStatus } from './payment.entity';
import { formatReceipt, takeReceiptNumber } from './receipts';
import { VnpayApiClient } from './vnpay-api.client';

const ipnStatus = (s: PaymentStatus): VnpayPaymentStatus =>
  s === 'awaiting' ? 'awaiting' : s === 'paid' || s === 'refund_pending' ? 'paid' : s === 'refunded' ? 'refunded' : s === 'cancelled' ? 'cancelled' : 'failed';

export function paymentView(p: PaymentEntity) {
  return {
    paymentId: p.id,
    method: p.method,
    txnRef: p.txnRef,
    amount: p.amountVnd,
    status: p.status,
    payUrl: p.status === 'awaiting' ? p.payUrl : null,
    expiresAt: p.expiresAt ? toIsoWithOffset(p.expiresAt) : null,
    paidAt: p.paidAt ? toIsoWithOffset(p.paidAt) : null,
    receipt: formatReceipt(p.receiptSeries, p.receiptNumber),
    commissionVnd: p.commissionVnd,
    refundedAt: p.refundedAt ? toIsoWithOffset(p.refundedAt) : null,
  };
}

interface Settlement {
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date;
}

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: PaymentsConfig,
    private readonly http: HttpConfig,
    private readonly dossiers: DossierQueriesService,
    private readonly actions: DossierActionsService,
    private readonly catalog: CatalogService,
    private readonly gateway: VnpayApiClient,
  ) {}

  /** One payment in flight per dossier: a second request returns the pending one. */
  async startOnline(citizen: CitizenPrincipal, code: string, ipAddr: string) {
    const dossier = await this.dossiers.findOwnDossier(citizen, code);
    if (dossier.status !== 'payment_requested' || dossier.feesRequestedVnd <= 0) {
      throw new DomainError(DomainErrorCode.TransitionNotAllowed, 'No payment is requested for this dossier now.');
    }
    const procedure = await this.catalog.get(dossier.procedureCode);
    if (procedure.onlineLevel.level !== 4) {
      throw new DomainError(DomainErrorCode.TransitionNotAllowed, 'This service is not end-to-end online: pay at the desk.');
    }
    const now = new Date();
    const existing = await this.pending(dossier.id, now);
    if (existing) return paymentView(existing);
    const txnRef = `DVC${formatCompact(now).slice(2)}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
    const { url, params } = buildVnpayPaymentUrl({
      payUrl: this.config.vnpayPayUrl,
      tmnCode: this.config.vnpayTmnCode,
      secret: this.config.vnpayHashSecret,
      amountVnd: dossier.feesRequestedVnd,
      txnRef,
      orderInfo: `Thanh toan ho so ${dossier.code}`,
      returnUrl: `${this.http.publicBaseUrl}/api/v1/payments/vnpay/return`,
      ipAddr: ipAddr || '127.0.0.1',
      createdAt: now,
      expiresInMinutes: this.config.vnpayExpireMinutes,
    });
    try {
      const saved = await this.db.getRepository(PaymentEntity).save({
        dossierId: dossier.id,
        dossierCode: dossier.code,
        agencyCode: dossier.receivingAgencyCode,
        method: 'vnpay',
        txnRef,
        amountVnd: dossier.feesRequestedVnd,
        status: 'awaiting',
        payUrl: url,
        gatewayCreateDate: params.vnp_CreateDate,
        expiresAt: new Date(now.getTime() + this.config.vnpayExpireMinutes * 60_000),
        createdBy: `citizen:${citizen.id}`,
      });
      return paymentView(saved);
    } catch (error) {
      // Two requests at once: the partial unique index lets one in; the other returns it.
      if ((error as { code?: string }).code === '23505') {
        const winner = await this.pending(dossier.id, now);
        if (winner) return paymentView(winner);
      }
      throw error;
    }
  }

  /**
   * The gateway's server-to-server call: the only thing that changes state for online payments. Idempotent.
   * Locks the dossier before the payment (the order every payment writer uses), so it serialises with a cash
   * payment recorded at the desk for the same dossier.
   */
  async handleIpn(params: Record<string, string>): Promise<{ RspCode: string; Message: string }> {
    try {
      return await this.db.transaction(async (em) => {
        const txnRef = typeof params.vnp_TxnRef === 'string' ? params.vnp_TxnRef.slice(0, 40) : '';
        const found = txnRef ? await em.getRepository(PaymentEntity).findOneBy({ txnRef, method: 'vnpay' }) : null;
        const payment = found ? await this.lockPayment(em, found) : null;
        const decision = decideIpn(params, this.config.vnpayHashSecret, {
          payment: payment ? { txnRef: payment.txnRef, amountVnd: payment.amountVnd, status: ipnStatus(payment.status) } : null,
          tmnCode: this.config.vnpayTmnCode,
        });
        if (payment && (decision.outcome === 'paid' || decision.outcome === 'paid_late')) {
          if (decision.outcome === 'paid_late')
            this.logger.warn(
              `late success IPN for ${payment.status} payment ${payment.txnRef}: recorded, to be refunded unless the dossier still waits for it`,
            );
          await this.settle(em, payment, {
            transactionNo: params.vnp_TransactionNo ?? null,
            bankCode: params.vnp_BankCode ?? null,
            paidAt: params.vnp_PayDate ? parseVnpayDate(params.vnp_PayDate) : new Date(),
          });
        } else if (payment && decision.outcome === 'failed') {
          await em
            .getRepository(PaymentEntity)
            .update(
              { id: payment.id },
              { status: params.vnp_ResponseCode === '24' ? 'cancelled' : 'failed', lastError: `gateway response ${params.vnp_ResponseCode}` },
            );
        }
        return vnpayIpnResponseBody(decision);
      });
    } catch (error) {
      this.logger.error(`IPN not processed: ${(error as Error).message}`);
      return { RspCode: '99', Message: 'Unknown error' };
    }
  }

  /** Locks the payment's dossier, then the payment, and returns the payment as it is now. */
  private async lockPayment(em: EntityManager, payment: PaymentEntity): Promise<PaymentEntity | null> {
    await em.getRepository(DossierEntity).findOne({ where: { id: payment.dossierId }, lock: { mode: 'pessimistic_write' } });
    return em.getRepository(PaymentEntity).findOne({ where: { id: payment.id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Where the citizen's browser lands: shows what is known, changes nothing. */
  async returnOutcome(params: Record<string, string>) {
    const signatureValid = verifyVnpay(params, this.config.vnpayHashSecret);
    const payment =
      signatureValid && params.vnp_TxnRef ? await this.db.getRepository(PaymentEntity).findOneBy({ txnRef: String(params.vnp_TxnRef).slice(0, 40) }) : null;
    // Without a valid signature every parameter is the sender's choice: show none of them.
    return {
      signatureValid,
      gatewayResponseCode: signatureValid ? (params.vnp_ResponseCode ?? null) : null,
      amount: signatureValid ? vnpAmountToVnd(params.vnp_Amount) : null,
      dossierCode: payment?.dossierCode ?? null,
      payment: payment ? paymentView(payment) : null,
    };
  }

  /**
   * Cash or bank transfer received at the desk: recorded paid at once, with its receipt. The dossier row is locked
   * and re-read inside the transaction, so of two clicks (or a click and an IPN) only the first finds money still
   * owed; the other gets 409. An online payment still open is cancelled: if the citizen pays it at the gateway
   * anyway, its IPN is recorded and refunded (handleIpn, 'paid_late').
   */
  async recordAtDesk(officer: OfficerPrincipal, code: string, method: Exclude<PaymentMethod, 'vnpay'>) {
    const visible = await this.dossiers.findInScope(officer, code);
    return this.db
      .transaction(async (em) => {
        const dossier = await em.getRepository(DossierEntity).findOne({ where: { id: visible.id }, lock: { mode: 'pessimistic_write' } });
        if (!dossier || dossier.status !== 'payment_requested' || dossier.feesRequestedVnd <= 0) {
          throw new DomainError(
            DomainErrorCode.TransitionNotAllowed,
            'No payment is requested for this dossier now (it may have just been paid); reload the dossier.',
          );
        }
        const now = new Date();
        await em.getRepository(PaymentEntity).update({ dossierId: dossier.id, status: 'awaiting' }, { status: 'cancelled', lastError: 'paid at the desk' });
        const payment = await em.getRepository(PaymentEntity).save({
          dossierId: dossier.id,
          dossierCode: dossier.code,
          agencyCode: dossier.receivingAgencyCode,
          method,
          txnRef: `DESK${formatCompact(now).slice(2)}${String(randomInt(0, 1e6)).padStart(6, '0')}`,
          amountVnd: dossier.feesRequestedVnd,
          status: 'awaiting',
          createdBy: `officer:${officer.username}`,
        });
        await this.settle(em, payment, { transactionNo: null, bankCode: null, paidAt: now }, (await officerSignature(em, officer)).fullName);
        return em.getRepository(PaymentEntity).findOneByOrFail({ id: payment.id });
      })
      .then(paymentView);
  }

  async listForDossierCode(dossierCode: string) {
    const rows = await this.db.getRepository(PaymentEntity).find({ where: { dossierCode }, order: { createdAt: 'ASC' } });
    return rows.map(paymentView);
  }

  /**
   * Marks the payment paid with its receipt number and commission, and moves the dossier on, in one transaction.
   * If the dossier no longer waits for money (paid at the desk or withdrawn meanwhile), the payment is kept
   * uncredited and a refund of that payment queued. The caller holds the dossier's lock.
   */
  private async settle(em: EntityManager, payment: PaymentEntity, s: Settlement, actorName = 'vnpay'): Promise<void> {
    const dossier = await em.getRepository(DossierEntity).findOne({ where: { id: payment.dossierId }, lock: { mode: 'pessimistic_write' } });
    const credited = dossier?.status === 'payment_requested';
    const receipt = await takeReceiptNumber(em, payment.agencyCode, s.paidAt);
    const commission = payment.method === 'vnpay' ? commissionVnd(payment.amountVnd, this.config.vnpayCommissionRate) : 0;
    await em.getRepository(PaymentEntity).update(
      { id: payment.id },
      {
        status: 'paid',
        paidAt: s.paidAt,
        gatewayTransactionNo: s.transactionNo,
        bankCode: s.bankCode,
        commissionVnd: commission,
        receiptSeries: receipt.series,
        receiptNumber: receipt.number,
        lastError: null,
        credited,
      },
    );
    if (dossier && credited) {
      await this.actions.performAsSystem(
        em,
        dossier.id,
        'confirm_payment',
        {
          amount: payment.amountVnd,
          paymentId: payment.id,
          note: `Biên lai ${formatReceipt(receipt.series, receipt.number)}`,
        },
        actorName,
      );
    } else {
      await writeOutbox(
        em,
        paymentJob('refund_due', { dossierId: payment.dossierId, paymentId: payment.id, reason: 'not_awaiting_payment' }, { dossierCode: payment.dossierCode }),
      );
      this.logger.warn(`payment ${payment.txnRef} settled for dossier ${payment.dossierCode} that no longer waits for money: refund queued`);
    }
  }

  /** The open online payment, if any; an expired one is first checked with the gateway and closed. */
  private async pending(dossierId: string, now: Date): Promise<PaymentEntity | null> {
    const awaiting = await this.db.getRepository(PaymentEntity).findOneBy({ dossierId, status: 'awaiting', method: 'vnpay' });
    if (!awaiting || !awaiting.expiresAt || awaiting.expiresAt > now) return awaiting;
    const outcome = await this.reconcileOne(awaiting, now);
    if (outcome === 'paid') throw new DomainError(DomainErrorCode.Conflict, 'The earlier payment went through after all; reload the dossier.');
    if (outcome === 'open') return awaiting;
    return null;
  }

  /**
   * Refunds the paid payment named (an overpayment), or, without one, every paid payment of a dossier that was
   * refused, withdrawn or stopped: online ones through the gateway's refund command; desk payments become
   * refund_pending for the cashier. Safe to run again.
   */
  async refundDossier(dossierId: string, paymentId?: string): Promise<{ refunded: number; pending: number }> {
    const paid = await this.db.getRepository(PaymentEntity).findBy(paymentId ? { id: paymentId, dossierId, status: 'paid' } : { dossierId, status: 'paid' });
    let refunded = 0;
    let pending = 0;
    for (const payment of paid) {
      if (payment.method !== 'vnpay') {
        await this.db.getRepository(PaymentEntity).update({ id: payment.id, status: 'paid' }, { status: 'refund_pending' });
        pending += 1;
        continue;
      }
      const answer = await this.gateway.refund({
        txnRef: payment.txnRef,
        amountVnd: payment.amountVnd,
        transactionNo: payment.gatewayTransactionNo,
        transactionDate: payment.gatewayCreateDate ?? formatCompact(payment.createdAt),
        createBy: 'system',
        orderInfo: `Hoan tien ho so ${payment.dossierCode}`,
      });
      if (answer.vnp_ResponseCode !== '00') {
        await this.db
          .getRepository(PaymentEntity)
          .update({ id: payment.id }, { lastError: `refund refused: ${answer.vnp_ResponseCode} ${answer.vnp_Message}` });
        throw new Error(`refund of ${payment.txnRef} refused by the gateway (${answer.vnp_ResponseCode})`);
      }
      await this.db.getRepository(PaymentEntity).update({ id: payment.id, status: 'paid' }, { status: 'refunded', refundedAt: new Date() });
      refunded += 1;
    }
    return { refunded, pending };
  }

  /** Asks the gateway about payments that waited too long for their IPN, and settles them. */
  async reconcile(now = new Date()): Promise<{ checked: number; paid: number; closed: number }> {
    const cutoff = new Date(now.getTime() - this.config.reconcileAfterMinutes * 60_000);
    const stale = await this.db
      .getRepository(PaymentEntity)
      .find({ where: { status: 'awaiting', method: 'vnpay', createdAt: LessThan(cutoff) }, take: 100, order: { createdAt: 'ASC' } });
    let paid = 0;
    let closed = 0;
    for (const candidate of stale) {
      const outcome = await this.reconcileOne(candidate, now);
      if (outcome === 'paid') paid += 1;
      if (outcome === 'closed') closed += 1;
    }
    return { checked: stale.length, paid, closed };
  }

  /** Settles or closes one awaiting payment from the gateway's answer to querydr. */
  private async reconcileOne(candidate: PaymentEntity, now: Date): Promise<'paid' | 'closed' | 'open'> {
    const answer = await this.gateway.query(
      candidate.txnRef,
      candidate.gatewayCreateDate ?? formatCompact(candidate.createdAt),
      `Kiem tra ho so ${candidate.dossierCode}`,
    );
    return this.db.transaction(async (em) => {
      const payment = await this.lockPayment(em, candidate);
      if (!payment || payment.status !== 'awaiting') return payment?.status === 'paid' ? 'paid' : 'closed';
      const amountOk = vnpAmountToVnd(answer.vnp_Amount) === payment.amountVnd;
      if (answer.vnp_ResponseCode === '00' && answer.vnp_TransactionStatus === '00' && amountOk) {
        await this.settle(
          em,
          payment,
          {
            transactionNo: answer.vnp_TransactionNo ?? null,
            bankCode: answer.vnp_BankCode ?? null,
            paidAt: answer.vnp_PayDate ? parseVnpayDate(answer.vnp_PayDate) : now,
          },
          'reconciliation',
        );
        return 'paid';
      }
      const expired = !payment.expiresAt || payment.expiresAt <= now;
      const failedThere =
        answer.vnp_ResponseCode === '00' && answer.vnp_TransactionStatus !== undefined && !['00', '01'].includes(answer.vnp_TransactionStatus);
      // Unknown to the gateway once the link expired, or failed there: close it so a new one can be made.
      if ((answer.vnp_ResponseCode === '91' && expired) || failedThere) {
        await em.getRepository(PaymentEntity).update(
          { id: payment.id },
          {
            status: answer.vnp_ResponseCode === '91' ? 'cancelled' : 'failed',
            lastError: `querydr ${answer.vnp_ResponseCode}/${answer.vnp_TransactionStatus ?? ''}`,
          },
        );
        return 'closed';
      }
      return 'open';
    });
  }
}
