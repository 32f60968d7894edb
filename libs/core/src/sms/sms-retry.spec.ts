import { smsBackoffDelay, smsRunFailure, type SmsRetryPolicy } from './sms-retry';

const defaults: SmsRetryPolicy = { backoffMs: 2000, backoffMaxMs: 300_000 };

describe('smsBackoffDelay: the wait after a failed provider attempt', () => {
  it.each([
    [1, defaults, 2000],
    [2, defaults, 4000],
    [7, defaults, 128_000], // the last wait with the default 8 attempts: the cap does not change the default schedule
    [8, defaults, 256_000],
    [9, defaults, 300_000], // capped: with SMS_MAX_ATTEMPTS raised, no wait grows past SMS_BACKOFF_MAX_MS
    [49, defaults, 300_000],
    [3, { backoffMs: 50, backoffMaxMs: 120 }, 120],
    [0, defaults, 2000],
  ])('attempt %p with %p waits %p ms', (attemptsMade, policy, expected) => {
    expect(smsBackoffDelay(attemptsMade, policy)).toBe(expected);
  });
});

describe('smsRunFailure: what a batch run that threw does next', () => {
  const pg = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  const typeorm = (driverError: Error) => Object.assign(new Error(driverError.message), { driverError });

  it.each([
    [
      'PostgreSQL refuses connections, outage just began',
      pg('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      0,
      defaults,
      { spendsAttempt: false, retryInMs: 2000 },
    ],
    ['PostgreSQL shutting down mid-query, 5 s into the outage', typeorm(pg('57P01')), 5000, defaults, { spendsAttempt: false, retryInMs: 5000 }],
    ['PostgreSQL starting up, 10 minutes into the outage', typeorm(pg('57P03')), 600_000, defaults, { spendsAttempt: false, retryInMs: 10_000 }],
    ['a socket closed mid-query', new Error('Connection terminated unexpectedly'), 3000, defaults, { spendsAttempt: false, retryInMs: 3000 }],
    ['Redis without a connection', new Error('Connection is closed.'), 0, defaults, { spendsAttempt: false, retryInMs: 2000 }],
    ['a low SMS_BACKOFF_MAX_MS caps the wait too', pg('57P03'), 600_000, { backoffMs: 50, backoffMaxMs: 500 }, { spendsAttempt: false, retryInMs: 500 }],
    ['the SMS centre failing the batch', new Error('2 of 2 messages still to send: submit_sm failed'), 0, defaults, { spendsAttempt: true }],
    ['a constraint violation (a bug, not an outage)', typeorm(pg('23505')), 0, defaults, { spendsAttempt: true }],
    ['a programming error', new TypeError('x is undefined'), 0, defaults, { spendsAttempt: true }],
  ])('%s', (_label, error, outageMs, policy, expected) => {
    expect(smsRunFailure(error, outageMs, policy)).toEqual(expected);
  });
});
