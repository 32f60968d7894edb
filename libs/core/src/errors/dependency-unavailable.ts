/** SQLSTATE classes 08 (connection exception) and 57P (the server shutting down, crashed, or still starting). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3])/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** What node-postgres throws when the socket goes away mid-query or no connection comes in time. */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;
/** What ioredis throws while it has no connection, and Redis's answers while it loads, fails over or is busy. */
const REDIS_MESSAGES =
  /^(Connection is closed|Stream isn't writeable|Reached the max retries per request limit|LOADING |READONLY |MASTERDOWN |CLUSTERDOWN |TRYAGAIN )/;

type ErrorLike = { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown } | undefined;

/**
 * Whether an error means PostgreSQL could not be reached (restart, failover, crash) rather than a fault in the
 * request or the code: the API answers 503 with Retry-After, and the worker tries the same work again later.
 * TypeORM wraps the driver's error as `driverError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as ErrorLike, depth = 0; e && depth < 3; e = e.driverError as ErrorLike, depth++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || NETWORK_CODES.has(e.code))) return true;
    if (typeof e.message === 'string' && PG_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Whether an error means Redis could not be reached or cannot serve right now (restart, failover, loading). */
export function isRedisUnavailable(error: unknown): boolean {
  const e = error as ErrorLike;
  if (!e) return false;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  return typeof e.message === 'string' && REDIS_MESSAGES.test(e.message);
}

/** Our own PostgreSQL or Redis is away: nothing is wrong with the work itself, it can be done again later. */
export function isDependencyUnavailable(error: unknown): boolean {
  return isDatabaseUnavailable(error) || isRedisUnavailable(error);
}
