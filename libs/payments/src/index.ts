export * from './payment.entity';
export * from './receipt-counter.entity';
export * from './receipts';
export * from './vnpay-api.client';
export * from './payments.service';
export * from './payment-mismatches.service';
export * from './payments.module';
