import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The portal's Content Security Policy: scripts only from our own origin (the Vite build has no inline script),
 * no framing by anyone (clickjacking), no plugins, forms and <base> only to ourselves. Inline style attributes stay
 * allowed: the payment return page and Swagger UI use them, and styles cannot run code.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Secure headers from @fastify/helmet (CSP, Referrer-Policy, nosniff, X-Frame-Options, COOP …). HSTS only over TLS:
 * `request.protocol` honours X-Forwarded-Proto only when the adapter was built with trustProxy, so a client cannot
 * switch it on by sending the header to a bare listener, and a plain-HTTP answer never pins the browser to HTTPS.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    hsts: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
      return payload;
    });
}
