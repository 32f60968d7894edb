import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NationalPortalConfig, PaymentsConfig, SmsConfig } from '@dvc/config';
import { QUEUE_OF_TOPIC, relayOutboxBatch, SMS_BACKOFF, type OutboxTopic, type RelayJobOptions, type RelayPreparer } from '@dvc/outbox';
import { SmsDispatchService } from '@dvc/sms';
import { QueueConnections } from './queue-connections';

const SMS_ROWS_PER_JOB = 50;

/** Polls the outbox and relays new rows; backs off while Redis or PostgreSQL is unavailable. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: QueueConnections,
    private readonly sms: SmsConfig,
    private readonly portal: NationalPortalConfig,
    private readonly payments: PaymentsConfig,
    private readonly smsDispatch: SmsDispatchService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Before the connections close (they close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Each topic's retries come from its own settings. */
  private jobOptions(topic: OutboxTopic): RelayJobOptions {
    switch (topic) {
      case 'national_portal':
        return { attempts: this.portal.maxAttempts, backoffMs: this.portal.backoffMs };
      case 'payment':
        return { attempts: this.payments.jobAttempts, backoffMs: this.payments.jobBackoffMs };
      case 'sms':
        // A job carries a relay batch's SMS; at most five seconds' worth at the rate limit, so a run ends well
        // within its claim on the messages.
        return {
          attempts: this.sms.maxAttempts,
          backoffMs: this.sms.backoffMs,
          backoffType: SMS_BACKOFF,
          rowsPerJob: Math.max(1, Math.min(SMS_ROWS_PER_JOB, this.sms.ratePerSecond * 5)),
        };
    }
  }

  private async run(): Promise<void> {
    const queues = new Map(Object.entries(QUEUE_OF_TOPIC).map(([topic, queue]) => [topic, this.connections.queue(queue!)]));
    const preparers = new Map<string, RelayPreparer>([['sms', (em, rows) => this.smsDispatch.prepareBatch(em, rows)]]);
    let backoff = this.sms.outboxPollMs;
    while (this.running) {
      try {
        const relayed = await relayOutboxBatch(this.db, queues, (topic) => this.jobOptions(topic as OutboxTopic), 200, preparers);
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
