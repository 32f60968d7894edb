import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { PaymentsConfig } from '@dvc/config';
import { OutboxMessageEntity, PAYMENTS_QUEUE, payloadOf } from '@dvc/outbox';
import { PaymentMismatchesService, PaymentsService } from '@dvc/payments';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobSchedules } from './job-schedules';
import { QueueConnections } from './queue-connections';

const RECONCILE = 'reconcile';
const DAILY_CHECK = 'daily-mismatch-check';

/**
 * Refunds (from outbox rows written when a paid dossier is refused, withdrawn or stopped), reconciliation of
 * payments whose IPN never came, and the daily mismatch check. Schedulers are upserted, so restarts never add
 * a second one.
 */
@Injectable()
export class PaymentsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PaymentsProcessor');
  private worker: Worker | null = null;

  constructor(
    private readonly payments: PaymentsService,
    private readonly reconciliation: PaymentMismatchesService,
    private readonly connections: QueueConnections,
    private readonly config: PaymentsConfig,
    @InjectDataSource() private readonly db: DataSource,
    schedules: JobSchedules,
  ) {
    schedules.register('payments', () => this.schedule());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.worker = new Worker(PAYMENTS_QUEUE, (job) => this.process(job), {
      connection: this.connections.workerConnection(PAYMENTS_QUEUE),
      prefix: this.connections.prefix,
      concurrency: 2,
    });
    this.worker.on('error', (error) => this.logger.warn(`payments worker: ${error.message}`));
  }

  /** At start, and again after Redis lost its data (registered with JobSchedules). */
  async schedule(): Promise<void> {
    const queue = this.connections.queue(PAYMENTS_QUEUE);
    await queue
      .upsertJobScheduler(RECONCILE, { every: this.config.reconcileEverySeconds * 1000 }, { name: RECONCILE, data: { outboxId: '' } })
      .catch((error: Error) => this.logger.warn(`reconciliation not scheduled yet (Redis?): ${error.message}`));
    await queue
      .upsertJobScheduler(DAILY_CHECK, { pattern: '0 30 6 * * *', tz: 'Asia/Ho_Chi_Minh' }, { name: DAILY_CHECK, data: { outboxId: '' } })
      .catch((error: Error) => this.logger.warn(`daily check not scheduled yet (Redis?): ${error.message}`));
  }

  /** Before the connections close (they close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job<{ outboxId: string }>): Promise<unknown> {
    if (job.name === RECONCILE) return this.payments.reconcile();
    if (job.name === DAILY_CHECK) {
      const mismatches = await this.reconciliation.mismatches();
      if (mismatches.length > 0) this.logger.warn(`payment mismatches: ${JSON.stringify(mismatches)}`);
      return { mismatches: mismatches.length };
    }
    const row = await this.db.getRepository(OutboxMessageEntity).findOneBy({ id: job.data.outboxId });
    if (row?.kind === 'refund_due') {
      const job = payloadOf('payment', row);
      return this.payments.refundDossier(job.dossierId, job.paymentId);
    }
    return null;
  }
}
