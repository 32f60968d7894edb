export * from './outbox-message.entity';
export * from './outbox-writer';
export * from './notifications.module';
