import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Owns the outbox table; modules that write side effects import it so the entity is registered. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity])],
  exports: [TypeOrmModule],
})
export class OutboxModule {}
