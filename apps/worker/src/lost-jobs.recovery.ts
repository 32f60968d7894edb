import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUE_OF_TOPIC } from '@dvc/outbox';
import { JobSchedules } from './job-schedules';
import { QueueConnections } from './queue-connections';

const CHECK_EVERY_MS = 1000;
/** Margin for the clocks of this process and PostgreSQL (dispatched_at is the database's time). */
const CLOCK_MARGIN_MS = 5000;

/**
 * Redis that comes back empty (restarted without persistence, or failed over to a replica that had not caught
 * up) has lost the jobs the relay already handed to it: their outbox rows say "dispatched" and nothing would ever
 * run them. A marker key tells: while it exists, Redis still holds what it was given since this process set it.
 * When it is gone, the rows dispatched since then (at most a day back, as long as finished jobs are kept) go back
 * to the relay, and the job schedulers are created again. A row whose job did survive is not doubled: a per-row
 * job id is ignored by BullMQ, the SMS switchboard claims each message once, and every processor treats a second
 * run of finished work as a no-op. Found by the fault drill "Redis stopped during 1,000 submissions".
 */
@Injectable()
export class LostJobsRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LostJobsRecovery');
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> = Promise.resolve();
  /** When the marker was last set by this process; null until Redis first answered. */
  private since: Date | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: QueueConnections,
    private readonly schedules: JobSchedules,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.checking = this.checking
        .then(() => this.check())
        .then(
          () => undefined,
          () => undefined,
        );
    }, CHECK_EVERY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
  }

  /** One look at the marker; recovers when it vanished since the last look. Errors (Redis still down) wait. */
  async check(): Promise<number> {
    const client = await this.client();
    const marker = `${this.connections.prefix}:outbox-relay:alive`;
    if ((await client.exists(marker)) === 1) return 0;
    const lostSince = this.since;
    const now = new Date();
    let redriven = 0;
    if (lostSince) {
      redriven = await this.redrive(lostSince);
      await this.schedules.createAll();
      this.logger.warn(`Redis lost its jobs: ${redriven} outbox rows relayed again, schedulers created again (${this.schedules.names().join(', ')})`);
    }
    await client.set(marker, now.toISOString());
    this.since = new Date(now.getTime() - CLOCK_MARGIN_MS);
    return redriven;
  }

  /** The relay's producer connection (ioredis; BullMQ types it as its own minimal interface). */
  private async client(): Promise<Redis> {
    return (await this.connections.queue(QUEUE_OF_TOPIC.sms!).client) as unknown as Redis;
  }

  private async redrive(since: Date): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `UPDATE outbox SET dispatched_at = NULL
       WHERE dispatched_at >= GREATEST($1::timestamptz, now() - interval '24 hours') AND topic = ANY($2) RETURNING id`,
      [since, Object.keys(QUEUE_OF_TOPIC)],
    );
    return rows.length;
  }
}
