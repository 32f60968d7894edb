/** SQLSTATE classes 08 (connection exception) and 57P (the server shutting down, crashed, or still starting). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3])/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** What node-postgres throws when the socket goes away mid-query or no connection comes in time. */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/**
 * Whether an error means PostgreSQL could not be reached (restart, failover, crash) rather than a fault in the
 * request or the code: the answer is then 503 with Retry-After, and the client may send the same request again.
 * TypeORM wraps the driver's error as `driverError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; e = e.driverError as typeof e, depth++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || NETWORK_CODES.has(e.code))) return true;
    if (typeof e.message === 'string' && PG_MESSAGES.test(e.message)) return true;
  }
  return false;
}
