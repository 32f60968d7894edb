import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SmsConfig } from '@dvc/config';
import { QUEUE_OF_TOPIC, relayOutboxBatch } from '@dvc/notifications';
import { QueueConnections } from './queue-connections';

/** Polls the outbox and relays new rows; backs off while Redis or PostgreSQL is unavailable. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: QueueConnections,
    private readonly sms: SmsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const queues = new Map(Object.entries(QUEUE_OF_TOPIC).map(([topic, queue]) => [topic, this.connections.queue(queue!)]));
    let backoff = this.sms.outboxPollMs;
    while (this.running) {
      try {
        const relayed = await relayOutboxBatch(this.db, queues, { attempts: this.sms.maxAttempts, backoffMs: this.sms.backoffMs });
        if (this.failing) this.logger.log('relay recovered');
        this.failing = false;
        backoff = this.sms.outboxPollMs;
        if (relayed > 0) continue;
      } catch (error) {
        if (!this.failing) this.logger.warn(`relay paused, rows stay in the outbox: ${(error as Error).message}`);
        this.failing = true;
        backoff = Math.min(backoff * 2, 5000);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.failing ? backoff : this.sms.outboxPollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
