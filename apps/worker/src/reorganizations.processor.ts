import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import { ReorganizationService } from '@dvc/reorganization';
import { REORGANIZATIONS_QUEUE } from '@dvc/outbox';
import { JobSchedules } from './job-schedules';
import { QueueConnections } from './queue-connections';

const APPLY_DUE = 'apply-due';
/** A plan takes effect within this of its first minute. */
const EVERY_MS = 30_000;

/**
 * Scheduled reorganisations take effect on an upserted schedule (restarts and several workers never add a second
 * one). Running it twice at once is harmless: applyDue switches each plan once, under a lock.
 */
@Injectable()
export class ReorganizationsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReorganizationsProcessor');
  private worker: Worker | null = null;

  constructor(
    private readonly reorganizations: ReorganizationService,
    private readonly connections: QueueConnections,
    schedules: JobSchedules,
  ) {
    schedules.register('reorganizations', () => this.schedule());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.worker = new Worker(REORGANIZATIONS_QUEUE, async () => ({ applied: await this.reorganizations.applyDue() }), {
      connection: this.connections.workerConnection(REORGANIZATIONS_QUEUE),
      prefix: this.connections.prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (_job, error) => this.logger.warn(`due reorganisations not applied: ${error.message}`));
    this.worker.on('error', (error) => this.logger.warn(`reorganizations worker: ${error.message}`));
  }

  /** At start, and again after Redis lost its data (registered with JobSchedules). */
  async schedule(): Promise<void> {
    await this.connections
      .queue(REORGANIZATIONS_QUEUE)
      .upsertJobScheduler(APPLY_DUE, { every: EVERY_MS }, { name: APPLY_DUE, data: { outboxId: '' } })
      .catch((error: Error) => this.logger.warn(`reorganisations not scheduled yet (Redis?): ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
