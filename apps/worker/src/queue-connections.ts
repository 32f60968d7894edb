import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { RedisConfig } from '@dvc/config';
import { OutboxBatchJob, OutboxJob } from '@dvc/outbox';

/**
 * Queues for producing (the relay) use a connection that fails at once while Redis is down, so the relay's
 * transaction rolls back and the outbox keeps the rows; workers use blocking connections that wait for Redis.
 */
@Injectable()
export class QueueConnections implements OnApplicationShutdown {
  private readonly producer: Redis;
  private readonly queues = new Map<string, Queue<OutboxJob | OutboxBatchJob>>();
  private readonly workerConnections: Redis[] = [];

  constructor(private readonly config: RedisConfig) {
    this.producer = new Redis(config.url, { connectionName: 'dvc-relay', enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.producer.on('error', () => undefined);
  }

  queue(name: string): Queue<OutboxJob | OutboxBatchJob> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<OutboxJob | OutboxBatchJob>(name, { connection: this.producer, prefix: this.config.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  workerConnection(name: string): Redis {
    const connection = new Redis(this.config.url, { connectionName: `dvc-${name}-worker`, maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.workerConnections.push(connection);
    return connection;
  }

  get prefix(): string {
    return this.config.prefix;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.producer.disconnect();
    for (const c of this.workerConnections) c.disconnect();
  }
}
