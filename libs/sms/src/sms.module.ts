import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SmsConfig } from '@dvc/config';
import { OutboxModule } from '@dvc/outbox';
import { AgencyEntity } from '@dvc/units';
import { SMS_PROVIDER } from './providers/sms-provider';
import { createSmsProvider } from './sms-provider.factory';
import { SmsDispatchService } from './sms-dispatch.service';
import { SmsReceipts } from './sms-receipts';
import { SmsRenderer } from './sms-renderer';
import { SmsMessageEntity } from './sms-message.entity';
import { SmsQueryService } from './sms-query.service';
import { SmsReceiptEntity } from './sms-receipt.entity';
import { SmsTemplateEntity } from './sms-template.entity';
import { SmsTemplatesService } from './sms-templates.service';

const entities = TypeOrmModule.forFeature([SmsMessageEntity, SmsTemplateEntity, SmsReceiptEntity, AgencyEntity]);

/** What the API needs: the message log and the templates. */
@Module({
  imports: [entities],
  providers: [SmsQueryService, SmsTemplatesService],
  exports: [SmsQueryService, SmsTemplatesService],
})
export class SmsModule {}

/** What the worker needs on top: the provider connection and the dispatcher (which closes it on shutdown). */
@Module({
  imports: [entities, OutboxModule],
  providers: [
    SmsTemplatesService,
    SmsRenderer,
    SmsReceipts,
    SmsDispatchService,
    { provide: SMS_PROVIDER, inject: [SmsConfig], useFactory: (config: SmsConfig) => createSmsProvider(config) },
  ],
  exports: [SmsDispatchService, SMS_PROVIDER],
})
export class SmsSendingModule {}
