import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loadAllConfig, LoadedConfig } from '@dvc/config';
import { AppModule } from './app.module';
import { clientErrorHandler } from './common/client-errors';
import { sendProblem } from './common/problem.filter';
import { mountQueueBoard } from './common/queue-board';
import { registerSecurityHeaders } from './common/security-headers';
import { validationPipe } from './common/validation.pipe';

export const API_PREFIX = 'api/v1';
const frameworkLogger = new NestLogger('ProblemFilter');

/** Builds the configured API application without listening: used by main.ts and by the e2e tests. */
export async function createApiApp(config: LoadedConfig = loadAllConfig(), options: { logStream?: DestinationStream } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 64 ? req.headers['x-request-id'] : randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Refusals before routing (a URL that does not decode, an over-long segment, bytes Node's parser rejects)
    // are problem details too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, request, error, frameworkLogger),
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await registerSecurityHeaders(app);
  // Multipart uploads (POST /files): one file per request, streamed (never buffered whole). The file-size limit is
  // one byte over the configured maximum so that the upload service sees an over-limit byte and refuses with 413
  // instead of busboy silently truncating the content at exactly the limit.
  await app.register(multipart, {
    limits: { fileSize: config.files.maxBytes + 1, files: 1, fields: 5, parts: 10 },
  });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Cổng dịch vụ công Hà Nội — API')
    .setDescription('Online public services and the 3-level one-stop shop. Errors are RFC 9457 problem details.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs-json' });
  const closeBoard = await mountQueueBoard(app, config.redis);
  await serveWebPortal(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => closeBoard());
  return app;
}

/**
 * The web portal (Vite build in dist/web, `npm run build:web`): its files at `/`, and index.html for any other GET
 * outside the API, docs, health and queue board, so that the SPA's own routes survive a reload. Skipped when the
 * folder is missing (the e2e tests run without a web build).
 */
async function serveWebPortal(app: NestFastifyApplication): Promise<void> {
  const webRoot = resolve(process.cwd(), 'dist/web');
  if (!existsSync(resolve(webRoot, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  // (Files are listed once at start-up — `wildcard: false` — so a missing /assets/ file after a rebuild is a 404.)
  const notSpa = /^\/(api|docs|health|admin\/queues|assets)(\/|-|\?|$)/;
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (req, reply) => (notSpa.test(req.url) ? reply.callNotFound() : reply.sendFile('index.html')));
}
