import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';
import { SmsConfig } from '@dvc/config';
import { OutboxBatchJob, OutboxJob, SMS_QUEUE } from '@dvc/notifications';
import { SmsDispatchService, SmsRateLimiter } from '@dvc/sms';
import { QueueConnections } from './queue-connections';

type SmsJob = OutboxJob | OutboxBatchJob;

/** The outbox rows a job names: a relay batch, or one row (jobs queued before batches existed). */
export const outboxIdsOf = (data: SmsJob): string[] => ('outboxIds' in data ? data.outboxIds : [data.outboxId]);

/**
 * Thin: each job names a batch of outbox rows and the dispatcher sends what is still to send. Messages, not jobs,
 * are rate limited (per provider, shared by all workers through Redis). Quiet hours and throttling reschedule;
 * any other retryable error fails the attempt after the accepted messages are stored, so a retry sends only the
 * rest.
 */
@Injectable()
export class SmsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsProcessor');
  private worker: Worker<SmsJob> | null = null;
  private limiter: SmsRateLimiter | null = null;

  constructor(
    private readonly dispatcher: SmsDispatchService,
    private readonly connections: QueueConnections,
    private readonly config: SmsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.limiter = new SmsRateLimiter(this.connections.workerConnection('sms-rate'), `${this.connections.prefix}:sms-rate:${this.config.provider}`, this.config.ratePerSecond);
    this.worker = new Worker<SmsJob>(SMS_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connections.workerConnection(SMS_QUEUE),
      prefix: this.connections.prefix,
      concurrency: this.config.concurrency,
      // A killed worker's batch is found stalled within lock (30 s) + this; its messages' claims lapse meanwhile.
      stalledInterval: 15_000,
    });
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.dispatcher.markFailed(outboxIdsOf(job.data), error.message).catch((e: Error) => this.logger.error(e.message));
      }
    });
    this.worker.on('error', (error) => this.logger.warn(`sms worker: ${error.message}`));
  }

  /** Before the connections and the database close (in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.dispatcher.stop();
  }

  private async process(job: Job<SmsJob>, token?: string): Promise<void> {
    const outcome = await this.dispatcher.dispatchBatch(outboxIdsOf(job.data), (n) => this.limiter!.take(n));
    if (outcome.throttled && this.worker) {
      await this.worker.rateLimit(1000);
      throw Worker.RateLimitError();
    }
    if (outcome.retry > 0) throw new Error(`${outcome.retry} of ${outboxIdsOf(job.data).length} messages still to send: ${outcome.firstError}`);
    // Messages held by quiet hours, or claimed by another run (one that died keeps its claim until it lapses):
    // the job comes back then, without spending an attempt.
    const until = [outcome.heldUntil, outcome.busyUntil].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
    if (until) {
      await job.moveToDelayed(Math.max(until.getTime(), Date.now() + 100), token);
      throw new DelayedError();
    }
  }
}
