export * from './outbox-message.entity';
export * from './outbox-writer';
export * from './outbox-topics';
export * from './outbox-relay';
export * from './queues';
export * from './outbox.module';
