import { Body, Controller, Get, Header, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { CitizenPrincipal, OfficerPrincipal } from '@dvc/core';
import { PaymentMismatchesService, PaymentsService } from '@dvc/payments';
import { CitizenOnly, CurrentPrincipal, OfficerOnly, Public } from '../common/auth.decorators';
import { DeskPaymentDto, PaymentDto, StartPaymentDto } from './payments.dto';
import { paymentReturnPage } from './return-page';

/** Gateway query strings are flat string maps; anything else (arrays from repeated keys) is reduced to strings. */
function flat(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]));
}

@ApiTags('payments')
@Controller()
@SkipThrottle({ auth: true, authAddress: true, tracking: true })
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly reconciliation: PaymentMismatchesService,
  ) {}

  @Post('dossiers/:code/payments')
  @CitizenOnly()
  @ApiCreatedResponse({ type: PaymentDto })
  start(@CurrentPrincipal() citizen: CitizenPrincipal, @Param('code') code: string, @Body() _body: StartPaymentDto, @Ip() ip: string) {
    return this.payments.startOnline(citizen, code, ip);
  }

  @Post('dossiers/:code/payments/desk')
  @OfficerOnly('receiving_officer')
  @ApiCreatedResponse({ type: PaymentDto })
  desk(@CurrentPrincipal() officer: OfficerPrincipal, @Param('code') code: string, @Body() body: DeskPaymentDto) {
    return this.payments.recordAtDesk(officer, code, body.method);
  }

  /** VNPay's server-to-server notification: RspCode 00 / 01 / 02 / 04 / 97 (99 when we could not process it). */
  @Get('payments/vnpay/ipn')
  @Public()
  @HttpCode(200)
  ipn(@Query() query: Record<string, unknown>) {
    return this.payments.handleIpn(flat(query));
  }

  @Get('payments/vnpay/return')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async returned(@Query() query: Record<string, unknown>) {
    const o = await this.payments.returnOutcome(flat(query));
    return paymentReturnPage({ ...o, paymentStatus: o.payment?.status ?? null, receipt: o.payment?.receipt ?? null });
  }

  @Get('admin/payments/mismatches')
  @OfficerOnly('admin')
  mismatches() {
    return this.reconciliation.mismatches();
  }
}
