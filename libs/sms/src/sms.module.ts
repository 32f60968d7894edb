import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SmsConfig } from '@dvc/config';
import { NotificationsModule } from '@dvc/notifications';
import { AgencyEntity } from '@dvc/units';
import { SMS_PROVIDER, SmsProvider } from './providers/sms-provider';
import { createSmsProvider } from './sms-provider.factory';
import { SmsDispatchService } from './sms-dispatch.service';
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

class ProviderShutdown implements OnApplicationShutdown {
  constructor(@Inject(SMS_PROVIDER) private readonly provider: SmsProvider) {}
  onApplicationShutdown(): Promise<void> {
    return this.provider.close();
  }
}

/** What the worker needs on top: the provider connection and the dispatcher. */
@Module({
  imports: [entities, NotificationsModule],
  providers: [
    SmsTemplatesService,
    SmsDispatchService,
    ProviderShutdown,
    { provide: SMS_PROVIDER, inject: [SmsConfig], useFactory: (config: SmsConfig) => createSmsProvider(config) },
  ],
  exports: [SmsDispatchService, SMS_PROVIDER],
})
export class SmsSendingModule {}
