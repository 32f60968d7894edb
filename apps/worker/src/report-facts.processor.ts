import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import { ReportsConfig } from '@dvc/config';
import { REPORT_FACTS_QUEUE } from '@dvc/outbox';
import { ReportFactsService } from '@dvc/reporting';
import { JobSchedules } from './job-schedules';
import { QueueConnections } from './queue-connections';

const COMPACT = 'compact';
const VERIFY = 'verify';

/** Folds report-fact deltas every few seconds and checks the facts against the rows every night (upserted schedules). */
@Injectable()
export class ReportFactsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReportFactsProcessor');
  private worker: Worker | null = null;

  constructor(
    private readonly facts: ReportFactsService,
    private readonly connections: QueueConnections,
    private readonly config: ReportsConfig,
    schedules: JobSchedules,
  ) {
    schedules.register('report-facts', () => this.schedule());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.worker = new Worker(
      REPORT_FACTS_QUEUE,
      async (job) => {
        if (job.name === VERIFY) {
          const mismatches = await this.facts.verify();
          return { mismatches: mismatches.length };
        }
        return { folded: await this.facts.compactAll() };
      },
      { connection: this.connections.workerConnection(REPORT_FACTS_QUEUE), prefix: this.connections.prefix, concurrency: 1 },
    );
    this.worker.on('error', (error) => this.logger.warn(`report-facts worker: ${error.message}`));
  }

  /** At start, and again after Redis lost its data (registered with JobSchedules). */
  async schedule(): Promise<void> {
    const queue = this.connections.queue(REPORT_FACTS_QUEUE);
    await Promise.all([
      queue.upsertJobScheduler(COMPACT, { every: this.config.compactEverySeconds * 1000 }, { name: COMPACT }),
      queue.upsertJobScheduler(VERIFY, { pattern: this.config.verifyCron, tz: 'Asia/Ho_Chi_Minh' }, { name: VERIFY }),
    ]).catch((error: Error) => this.logger.warn(`report-fact upkeep not scheduled yet (Redis?): ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
