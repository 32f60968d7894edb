import { maskSensitive } from '@dvc/core';

/** Fields of an error (and of pg's driver error) that describe it without repeating the data it was about. */
const KEPT_FIELDS = [
  'name',
  'code',
  'errno',
  'severity',
  'routine',
  'table',
  'column',
  'constraint',
  'dataType',
  'schema',
  'statusCode',
  'status',
  'syscall',
  'address',
  'port',
];
const MAX_DEPTH = 3;

/**
 * pino's standard `err` serializer copies every enumerable field of an error. A TypeORM QueryFailedError carries
 * the statement's `parameters` (phones, ID numbers, codes) and the driver's error, whose `detail` and `where`
 * quote row values ("Key (phone)=(849…) already exists"). This one keeps the type, the masked message and stack,
 * the SQL text (masked, without parameters) and the fields that name what failed, never values.
 */
export function serializeErrorForLog(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? maskSensitive(value) : value;
  const error = value as Record<string, unknown>;
  const out: Record<string, unknown> = {
    // pino-http hands over pino's own serialisation of the error (a plain object with `type`), pino the error itself.
    type: typeof error.type === 'string' ? error.type : typeof error.constructor === 'function' && error.constructor.name ? error.constructor.name : 'Object',
    message: maskSensitive(String(error.message ?? '')),
  };
  if (typeof error.stack === 'string') out.stack = maskSensitive(error.stack);
  for (const key of KEPT_FIELDS) {
    const field = error[key];
    if (typeof field === 'number' || typeof field === 'boolean') out[key] = field;
    else if (typeof field === 'string') out[key] = maskSensitive(field);
  }
  if (typeof error.query === 'string') out.query = maskSensitive(error.query);
  if (depth < MAX_DEPTH) {
    if (error.driverError && error.driverError !== value) out.driverError = serializeErrorForLog(error.driverError, depth + 1);
    if (error.cause && error.cause !== value) out.cause = serializeErrorForLog(error.cause, depth + 1);
    if (Array.isArray(error.errors)) out.errors = error.errors.slice(0, 5).map((e) => serializeErrorForLog(e, depth + 1));
  }
  return out;
}
