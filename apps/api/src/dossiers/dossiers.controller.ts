import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { actionFromSlug, DomainError, DOSSIER_STATUSES, type CitizenPrincipal, type DossierStatus, type OfficerPrincipal, type Principal } from '@dvc/core';
import { DossierActionsService, DossierDocumentsService, DossierQueriesService, IntakeService, type ActionInput } from '@dvc/dossiers';
import { isDocumentForm } from '@dvc/documents';
import { PaymentsService } from '@dvc/payments';
import { CitizenOnly, CurrentPrincipal, OfficerOnly, SignedIn } from '../common/auth.decorators';
import { validationPipe } from '../common/validation.pipe';
import { ACTION_BODIES } from './action.dto';
import { DeskSubmissionDto, DossierListQueryDto, SubmissionDto } from './submission.dto';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) throw DomainError.validation([{ field: 'Idempotency-Key', message: 'must be 1–200 letters, digits, _ . : or -' }]);
  return value;
}

@ApiTags('dossiers')
@Controller()
export class DossiersController {
  constructor(
    private readonly intake: IntakeService,
    private readonly actions: DossierActionsService,
    private readonly queries: DossierQueriesService,
    private readonly payments: PaymentsService,
    private readonly documents: DossierDocumentsService,
  ) {}

  /** The dossier as the caller may see it, with its payments. */
  private async view(principal: Principal, code: string) {
    const dossier = await this.queries.get(principal, code);
    return { ...dossier, payments: await this.payments.listForDossierCode(dossier.code) };
  }

  @Post('dossiers')
  @CitizenOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key and body return the same dossier' })
  async submit(
    @CurrentPrincipal() citizen: CitizenPrincipal,
    @Body() body: SubmissionDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { dossier, replayed, written } = await this.intake.submitOnline(citizen, body, idempotencyKey(key));
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    void reply.status(201);
    // Just written: answered from what was stored (no payments yet); a replay reads the dossier as it is now.
    if (written) return { ...(await this.queries.present(citizen, dossier, written.events, written.names)), payments: [] };
    return this.view(citizen, dossier.code);
  }

  @Post('desk/dossiers')
  @OfficerOnly('receiving_officer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async register(
    @CurrentPrincipal() officer: OfficerPrincipal,
    @Body() body: DeskSubmissionDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { dossier, replayed } = await this.intake.registerAtDesk(officer, body, idempotencyKey(key));
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    void reply.status(201);
    return this.view(officer, dossier.code);
  }

  @Get('dossiers')
  @SignedIn()
  list(@CurrentPrincipal() principal: Principal, @Query() query: DossierListQueryDto) {
    const status = query.status
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = status?.filter((s) => !(DOSSIER_STATUSES as readonly string[]).includes(s));
    if (unknown?.length) throw DomainError.validation([{ field: 'status', message: `unknown status: ${unknown.join(', ')}` }]);
    return this.queries.list(principal, {
      status: status as DossierStatus[] | undefined,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      flag: query.flag,
      q: query.q,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
  }

  @Get('dossiers/:code')
  @SignedIn()
  get(@CurrentPrincipal() principal: Principal, @Param('code') code: string) {
    return this.view(principal, code);
  }

  @Get('dossiers/:code/history')
  @SignedIn()
  history(@CurrentPrincipal() principal: Principal, @Param('code') code: string) {
    return this.queries.history(principal, code);
  }

  /** The PDF of a form: receipt (01), supplement-request (02), refusal (03), apology (04), control-slip. */
  @Get('dossiers/:code/documents/:form')
  @SignedIn()
  @ApiOkResponse({ description: 'application/pdf' })
  async document(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Param('form') form: string, @Res() reply: FastifyReply) {
    if (!isDocumentForm(form)) throw DomainError.notFound(`Form ${form}`);
    const pdf = await this.documents.render(principal, code, form);
    void reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `inline; filename="${code}-${form}.pdf"`).send(pdf);
  }

  @Post('dossiers/:code/:action')
  @SignedIn()
  @HttpCode(200)
  @ApiBody({ description: 'Always `version`; the rest depends on the action (see api.md)', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'The updated dossier' })
  async act(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Param('action') slug: string, @Body() body: unknown) {
    const action = actionFromSlug(slug);
    if (!action) throw DomainError.notFound(`Action ${slug}`);
    const input = (await validationPipe.transform(body, { type: 'body', metatype: ACTION_BODIES[action] })) as ActionInput;
    await this.actions.perform(principal, code, slug, input);
    return this.view(principal, code).catch((error: unknown) => {
      // After a hand-over to another unit the dossier may no longer be readable by the one who sent it.
      if (error instanceof DomainError && error.code === 'not_found') return { code, handedOver: true };
      throw error;
    });
  }
}
