import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';
import { SmsConfig } from '@dvc/config';
import { smsBackoffDelay, smsRunFailure } from '@dvc/core';
import { OutboxBatchJob, OutboxJob, SMS_QUEUE } from '@dvc/outbox';
import { BatchOutcome, SmsDispatchService, SmsRateLimiter } from '@dvc/sms';
import { QueueConnections } from './queue-connections';

type SmsJob = OutboxJob | OutboxBatchJob;

/** The outbox rows a job names: a relay batch, or one row (jobs queued before batches existed). */
export const outboxIdsOf = (data: SmsJob): string[] => ('outboxIds' in data ? data.outboxIds : [data.outboxId]);

/**
 * Thin: each job names a batch of outbox rows and the dispatcher sends what is still to send. Messages, not jobs,
 * are rate limited (per provider, shared by all workers through Redis). Quiet hours, throttling and our own
 * PostgreSQL or Redis being away reschedule without spending an attempt; a provider error fails the attempt after
 * the accepted messages are stored, so a retry sends only the rest.
 */
@Injectable()
export class SmsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsProcessor');
  private worker: Worker<SmsJob> | null = null;
  private limiter: SmsRateLimiter | null = null;
  /** When this worker's runs began failing on our own PostgreSQL or Redis; null while they answer. */
  private unavailableSince: number | null = null;
  private stopping = false;

  constructor(
    private readonly dispatcher: SmsDispatchService,
    private readonly connections: QueueConnections,
    private readonly config: SmsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.limiter = new SmsRateLimiter(
      this.connections.workerConnection('sms-rate'),
      `${this.connections.prefix}:sms-rate:${this.config.provider}`,
      this.config.ratePerSecond,
    );
    this.worker = new Worker<SmsJob>(SMS_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connections.workerConnection(SMS_QUEUE),
      prefix: this.connections.prefix,
      concurrency: this.config.concurrency,
      // A killed worker's batch is found stalled within lock (30 s) + this; its messages' claims lapse meanwhile.
      stalledInterval: 15_000,
      // Relayed jobs name this strategy (SMS_BACKOFF): BullMQ's own exponential has no cap.
      settings: { backoffStrategy: (attemptsMade: number) => smsBackoffDelay(attemptsMade, this.config) },
    });
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void this.recordFailure(outboxIdsOf(job.data), error.message);
    });
    this.worker.on('error', (error) => this.logger.warn(`sms worker: ${error.message}`));
  }

  /** Before the connections and the database close (in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker?.close();
    await this.dispatcher.stop();
  }

  private async process(job: Job<SmsJob>, token?: string): Promise<void> {
    const outcome = await this.dispatch(job, token);
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

  /**
   * Runs the batch; a run that failed on our own PostgreSQL or Redis (not the provider) comes back later without
   * spending an attempt, so messages are never marked failed because our database restarted.
   */
  private async dispatch(job: Job<SmsJob>, token?: string): Promise<BatchOutcome> {
    try {
      const outcome = await this.dispatcher.dispatchBatch(outboxIdsOf(job.data), (n) => this.limiter!.take(n));
      if (this.unavailableSince !== null) this.logger.log(`PostgreSQL and Redis answer again after ${Date.now() - this.unavailableSince} ms`);
      this.unavailableSince = null;
      return outcome;
    } catch (error) {
      const now = Date.now();
      const next = smsRunFailure(error, now - (this.unavailableSince ?? now), this.config);
      if (next.spendsAttempt) throw error;
      if (this.unavailableSince === null) this.logger.warn(`SMS batches wait for PostgreSQL or Redis without spending attempts: ${(error as Error).message}`);
      this.unavailableSince ??= now;
      await job.moveToDelayed(now + next.retryInMs, token);
      throw new DelayedError();
    }
  }

  /**
   * After the last attempt the messages must show as failed, not stay queued for ever: while our own PostgreSQL or
   * Redis is away, the update is tried again (as a batch run would be) until it is stored or the worker stops.
   */
  private async recordFailure(outboxIds: string[], reason: string): Promise<void> {
    for (let outageMs = 0; ;) {
      try {
        await this.dispatcher.markFailed(outboxIds, reason);
        return;
      } catch (error) {
        const next = smsRunFailure(error, outageMs, this.config);
        if (next.spendsAttempt || this.stopping) {
          this.logger.error(`${outboxIds.length} SMS could not be marked failed: ${(error as Error).message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, next.retryInMs));
        outageMs += next.retryInMs;
      }
    }
  }
}
