import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@dvc/audit';
import { SmsQueryService, SmsTemplatesService } from '@dvc/sms';
import { OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { SmsListQueryDto, SmsTemplateDto } from './sms.dto';

@ApiTags('sms')
@Controller()
@OfficerOnly('admin')
export class SmsController {
  constructor(
    private readonly messages: SmsQueryService,
    private readonly templates: SmsTemplatesService,
  ) {}

  @Get('sms/messages')
  list(@Query() q: SmsListQueryDto) {
    return this.messages.list({ to: q.to, dossierCode: q.dossierCode, status: q.status, before: q.before, limit: q.limit ?? 50 });
  }

  @Get('admin/sms/templates')
  listTemplates() {
    return this.templates.list();
  }

  @Put('admin/sms/templates/:kind')
  putTemplate(@Param('kind') kind: string, @Body() body: SmsTemplateDto, @AuditedBy() by: AuditActor) {
    return this.templates.put(kind, body.body, body.keepDiacritics, by);
  }
}
