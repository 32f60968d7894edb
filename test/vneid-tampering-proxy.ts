import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the proxy changes the id_token of the next token answers (none: passes the provider's answer through). */
export type Forgery = 'none' | 'resigned' | 'bad-signature' | 'other-issuer' | 'other-audience' | 'expired' | 'not-yet-valid' | 'wrong-nonce';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const unb64 = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * A hostile middlebox in front of the real VNeID simulator, whose issuer is the proxy's own URL: it forwards every
 * request, adds its own key to the provider's JWKS, and rewrites the id_token in the token endpoint's answer as
 * told: re-signed with its key (a valid signature) with one claim changed, or changed without re-signing (a bad one).
 */
export class TamperingProxy {
  forgery: Forgery = 'none';
  private target = '';
  private readonly server: Server;
  private readonly key: KeyObject;
  private readonly publicJwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.key = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'hostile', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => this.forward(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  pointAt(target: string) {
    this.target = target;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private forward(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '/';
    const upstream = httpRequest(`${this.target}${path}`, { method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        const route = path.split('?')[0];
        if (answer.statusCode === 200 && route === '/jwks') {
          const jwks = JSON.parse(body.toString()) as { keys: object[] };
          body = Buffer.from(JSON.stringify({ keys: [...jwks.keys, this.publicJwk] }));
        }
        if (answer.statusCode === 200 && route === '/token' && this.forgery !== 'none') {
          const tokens = JSON.parse(body.toString()) as { id_token: string };
          tokens.id_token = this.tamper(tokens.id_token);
          body = Buffer.from(JSON.stringify(tokens));
        }
        const headers = { ...answer.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(body);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  }

  private tamper(idToken: string): string {
    const [header, payload, signature] = idToken.split('.');
    const claims = unb64(payload);
    const now = Math.floor(Date.now() / 1000);
    if (this.forgery === 'bad-signature') return `${header}.${b64({ ...claims, name: 'Kẻ Mạo Danh' })}.${signature}`;
    const changed: Record<string, unknown> = { ...claims };
    if (this.forgery === 'other-issuer') changed.iss = 'https://sso.not-vneid.example';
    if (this.forgery === 'other-audience') changed.aud = 'another-relying-party';
    if (this.forgery === 'expired') Object.assign(changed, { iat: now - 7200, exp: now - 3600 });
    if (this.forgery === 'not-yet-valid') Object.assign(changed, { iat: now + 3600, nbf: now + 3600, exp: now + 7200 });
    if (this.forgery === 'wrong-nonce') changed.nonce = 'a-nonce-of-another-sign-in';
    const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'hostile' });
    const body = b64(changed);
    const sign = createSign('RSA-SHA256');
    sign.update(`${head}.${body}`);
    return `${head}.${body}.${sign.sign(this.key).toString('base64url')}`;
  }
}
