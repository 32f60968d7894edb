import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import type { RedisConfig } from '@dvc/config';
import { TokenService } from '@dvc/identity';
import { DEADLINES_QUEUE, NATIONAL_PORTAL_QUEUE, PAYMENTS_QUEUE, REORGANIZATIONS_QUEUE, REPORT_FACTS_QUEUE, SMS_QUEUE } from '@dvc/outbox';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'dvc_queue_board';

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+\S+$/i.test(header)) return header.split(/\s+/)[1];
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof query === 'string') return query;
  const cookie = request.headers.cookie
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === COOKIE);
  return cookie ? decodeURIComponent(cookie[1]) : null;
}

/**
 * Bull Board for administrators at /admin/queues: open it with `?token=<admin access token>` once (a cookie
 * keeps the session for the page's own requests) or send the bearer header.
 */
export async function mountQueueBoard(app: NestFastifyApplication, redis: RedisConfig): Promise<() => Promise<void>> {
  const connection = new Redis(redis.url, { connectionName: 'dvc-queue-board', maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
  connection.on('error', () => undefined);
  const queues = [SMS_QUEUE, PAYMENTS_QUEUE, NATIONAL_PORTAL_QUEUE, DEADLINES_QUEUE, REPORT_FACTS_QUEUE, REORGANIZATIONS_QUEUE].map((name) => {
    const queue = new Queue(name, { connection, prefix: redis.prefix });
    // A queue re-emits its connection's errors (Redis away, or the connection closed while it starts): the board
    // answers them per request; unheard, they would be unhandled 'error' events.
    queue.on('error', () => undefined);
    return queue;
  });
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
  const tokens = app.get(TokenService);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = tokenOf(request);
      const principal = token ? await tokens.verify(token).catch(() => null) : null;
      if (!principal || principal.kind !== 'officer' || !principal.roles.includes('admin')) {
        return reply.status(401).header('Content-Type', 'application/problem+json').send({
          type: 'https://dvc.hanoi.gov.vn/problems/unauthenticated',
          title: 'Unauthorized',
          status: 401,
          detail: 'Administrators only: open with ?token=<admin access token>.',
        });
      }
      if ((request.query as Record<string, unknown> | undefined)?.token) {
        void reply.header('Set-Cookie', `${COOKIE}=${encodeURIComponent(token!)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict`);
      }
    });
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
  return async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    connection.disconnect();
  };
}
