import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';
import { SmsConfig } from '@dvc/config';
import { OutboxJob, SMS_QUEUE } from '@dvc/notifications';
import { SmsDispatchService, SmsSendError } from '@dvc/sms';
import { QueueConnections } from './queue-connections';

/** Thin: each job names an outbox row; the dispatcher does the rest. Quiet hours and throttling only reschedule. */
@Injectable()
export class SmsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsProcessor');
  private worker: Worker<OutboxJob> | null = null;

  constructor(
    private readonly dispatcher: SmsDispatchService,
    private readonly connections: QueueConnections,
    private readonly config: SmsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<OutboxJob>(SMS_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connections.workerConnection(SMS_QUEUE),
      prefix: this.connections.prefix,
      concurrency: this.config.concurrency,
      limiter: { max: this.config.ratePerSecond, duration: 1000 },
    });
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.dispatcher.markFailed(job.data.outboxId, error.message).catch((e: Error) => this.logger.error(e.message));
      }
    });
    this.worker.on('error', (error) => this.logger.warn(`sms worker: ${error.message}`));
  }

  /** Before the connections close (they close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job<OutboxJob>, token?: string): Promise<void> {
    try {
      const result = await this.dispatcher.dispatch(job.data.outboxId);
      if (result.outcome === 'held') {
        await job.moveToDelayed(result.until.getTime(), token);
        throw new DelayedError();
      }
    } catch (error) {
      if (error instanceof SmsSendError && error.throttled && this.worker) {
        await this.worker.rateLimit(1000);
        throw Worker.RateLimitError();
      }
      throw error;
    }
  }
}
