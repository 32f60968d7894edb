import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { DeadlinesConfig } from '@dvc/config';
import { sweepDeadlines } from '@dvc/dossiers';
import { DEADLINES_QUEUE } from '@dvc/outbox';
import { JobSchedules } from './job-schedules';
import { QueueConnections } from './queue-connections';

const SWEEP = 'sweep';

/** The deadline sweep on an upserted schedule: restarts and several workers never add a second one. */
@Injectable()
export class DeadlinesProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlinesProcessor');
  private worker: Worker | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
    private readonly connections: QueueConnections,
    private readonly config: DeadlinesConfig,
    schedules: JobSchedules,
  ) {
    schedules.register('deadlines', () => this.schedule());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.worker = new Worker(
      DEADLINES_QUEUE,
      async () => {
        const result = await sweepDeadlines(this.db, await this.calendars.calendarFor(null), this.config.warnWorkingMinutes);
        if (result.nearlyDue + result.overdue > 0) this.logger.log(`deadline sweep: ${JSON.stringify(result)}`);
        return result;
      },
      { connection: this.connections.workerConnection(DEADLINES_QUEUE), prefix: this.connections.prefix, concurrency: 1 },
    );
    this.worker.on('error', (error) => this.logger.warn(`deadlines worker: ${error.message}`));
  }

  /** At start, and again after Redis lost its data (registered with JobSchedules). */
  async schedule(): Promise<void> {
    await this.connections
      .queue(DEADLINES_QUEUE)
      .upsertJobScheduler(SWEEP, { every: this.config.sweepEverySeconds * 1000 }, { name: SWEEP, data: { outboxId: '' } })
      .catch((error: Error) => this.logger.warn(`deadline sweep not scheduled yet (Redis?): ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
