import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { NATIONAL_PORTAL_QUEUE, OutboxJob } from '@dvc/outbox';
import { PortalSyncService } from '@dvc/national-portal';
import { QueueConnections } from './queue-connections';

/**
 * One push at a time, in relay order, so the portal sees a dossier's progress in the order it happened. Each push
 * carries the full current record, so retries after an outage still end in the same final state.
 */
@Injectable()
export class NationalPortalProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NationalPortalProcessor');
  private worker: Worker<OutboxJob> | null = null;

  constructor(
    private readonly sync: PortalSyncService,
    private readonly connections: QueueConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<OutboxJob>(NATIONAL_PORTAL_QUEUE, (job: Job<OutboxJob>) => this.sync.pushOutboxRow(job.data.outboxId), {
      connection: this.connections.workerConnection(NATIONAL_PORTAL_QUEUE),
      prefix: this.connections.prefix,
      concurrency: 1,
    });
    this.worker.on('error', (error) => this.logger.warn(`national-portal worker: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
