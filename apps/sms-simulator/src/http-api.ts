import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeHttpServer, listenOn } from '@dvc/simulator-kit';
import { BrandnameService, type BrandnameCredentials } from './brandname';
import { InvalidFaultsError } from './faults';
import type { SmsCentre } from './sms-centre';

const MAX_BODY_BYTES = 1024 * 1024;

class BadRequest extends Error {}

/**
 * HTTP side of the simulator (plain node:http, JSON everywhere):
 *   GET /health · GET|DELETE /messages[?to=] · GET /stats · GET|PUT /faults · POST /reset
 *   POST /brandname/send · GET /brandname/status?messageId=
 */
export class HttpApi {
  private readonly server: Server;
  private readonly brandname: BrandnameService;

  constructor(
    private readonly centre: SmsCentre,
    credentials: BrandnameCredentials,
  ) {
    this.brandname = new BrandnameService(centre, credentials);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (error instanceof BadRequest || error instanceof InvalidFaultsError) json(res, 400, { error: error.message });
        else json(res, 500, { error: (error as Error).message });
      });
    });
    this.server.on('clientError', (_error, socket) => socket.destroy());
  }

  listen(port: number, host?: string): Promise<number> {
    return listenOn(this.server, port, host);
  }

  close(): Promise<void> {
    return closeHttpServer(this.server);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const route = `${req.method} ${url.pathname.replace(/\/+$/, '') || '/'}`;
    switch (route) {
      case 'GET /health':
        return json(res, 200, { status: 'ok' });
      case 'GET /messages': {
        const to = url.searchParams.get('to');
        return json(res, 200, this.centre.inbox.list(to ? { to } : undefined));
      }
      case 'DELETE /messages':
        this.centre.inbox.clear();
        return json(res, 200, { deleted: true });
      case 'GET /stats':
        return json(res, 200, this.centre.stats());
      case 'GET /faults':
        return json(res, 200, this.centre.faults);
      case 'PUT /faults':
        return json(res, 200, this.centre.setFaults((await readJson(req)) as never));
      case 'POST /reset':
        this.centre.reset();
        return json(res, 200, { reset: true });
      case 'POST /brandname/send': {
        const body = await readJson(req).catch(() => undefined);
        this.brandname.send(body, (answer) => json(res, 200, answer));
        return;
      }
      case 'GET /brandname/status': {
        const status = this.brandname.status(url.searchParams.get('messageId') ?? '');
        return status ? json(res, 200, status) : json(res, 404, { error: 'unknown messageId' });
      }
      default:
        return json(res, 404, { error: `no route ${route}` });
    }
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8').trim();
  if (raw === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequest('body is not valid JSON');
  }
}
