import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@dvc/catalog';
import { DossiersModule } from '@dvc/dossiers';
import { OutboxModule } from '@dvc/outbox';
import { PaymentEntity } from './payment.entity';
import { PaymentMismatchesService } from './payment-mismatches.service';
import { PaymentsService } from './payments.service';
import { ReceiptCounterEntity } from './receipt-counter.entity';
import { VnpayApiClient } from './vnpay-api.client';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentEntity, ReceiptCounterEntity]), DossiersModule, CatalogModule, OutboxModule],
  providers: [PaymentsService, PaymentMismatchesService, VnpayApiClient],
  exports: [PaymentsService, PaymentMismatchesService],
})
export class PaymentsModule {}
