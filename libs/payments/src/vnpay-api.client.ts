import { Injectable } from '@nestjs/common';
import { PaymentsConfig } from '@dvc/config';
import {
  buildVnpayQueryDrRequest,
  buildVnpayRefundRequest,
  verifyVnpayQueryDrResponse,
  verifyVnpayRefundResponse,
  type VnpayQueryDrResponse,
  type VnpayRefundResponse,
} from '@dvc/core';

export class GatewayError extends Error {}

/** VNPay's server-to-server API (merchant_webapi/api/transaction): querydr and refund, signed both ways. */
@Injectable()
export class VnpayApiClient {
  constructor(private readonly config: PaymentsConfig) {}

  async query(txnRef: string, transactionDate: string, orderInfo: string): Promise<VnpayQueryDrResponse> {
    const body = buildVnpayQueryDrRequest({
      tmnCode: this.config.vnpayTmnCode,
      secret: this.config.vnpayHashSecret,
      txnRef,
      transactionDate,
      orderInfo,
      ipAddr: '127.0.0.1',
      createdAt: new Date(),
    });
    const answer = await this.post(body);
    if (!verifyVnpayQueryDrResponse(answer, this.config.vnpayHashSecret)) throw new GatewayError('querydr answer has a bad signature');
    return answer as unknown as VnpayQueryDrResponse;
  }

  async refund(input: {
    txnRef: string;
    amountVnd: number;
    transactionNo: string | null;
    transactionDate: string;
    createBy: string;
    orderInfo: string;
  }): Promise<VnpayRefundResponse> {
    const body = buildVnpayRefundRequest({
      tmnCode: this.config.vnpayTmnCode,
      secret: this.config.vnpayHashSecret,
      txnRef: input.txnRef,
      amountVnd: input.amountVnd,
      transactionType: '02',
      transactionNo: input.transactionNo ?? undefined,
      transactionDate: input.transactionDate,
      createBy: input.createBy,
      orderInfo: input.orderInfo,
      ipAddr: '127.0.0.1',
      createdAt: new Date(),
    });
    const answer = await this.post(body);
    if (!verifyVnpayRefundResponse(answer, this.config.vnpayHashSecret)) throw new GatewayError('refund answer has a bad signature');
    return answer as unknown as VnpayRefundResponse;
  }

  private async post(body: object): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(this.config.vnpayApiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new GatewayError(`gateway API unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw new GatewayError(`gateway API answered HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }
}
