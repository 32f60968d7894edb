import { isDatabaseUnavailable, isDependencyUnavailable, isRedisUnavailable } from './dependency-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** The shape of TypeORM's QueryFailedError (core does not import TypeORM): the driver's error as driverError. */
const wrapped = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', query: 'SELECT 1', driverError });
/** The shape of ioredis's MaxRetriesPerRequestError. */
const maxRetries = Object.assign(new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'), {
  name: 'MaxRetriesPerRequestError',
});

describe('isDatabaseUnavailable / isRedisUnavailable', () => {
  it.each([
    // [label, error, database unavailable, redis unavailable]
    ['the server is shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command'), true, false],
    ['the server crashed (57P02)', withCode('57P02'), true, false],
    ['the server is starting (57P03)', withCode('57P03', 'the database system is starting up'), true, false],
    ['a connection exception (08006)', withCode('08006'), true, false],
    ['a refused connection (either server)', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true, true],
    ['a socket closed mid-query', new Error('Connection terminated unexpectedly'), true, false],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect'), true, false],
    ['wrapped by TypeORM', wrapped(withCode('57P01')), true, false],
    ['a unique violation wrapped by TypeORM', wrapped(withCode('23505')), false, false],
    ['a serialization failure', withCode('40001'), false, false],
    ['ioredis without a connection', new Error('Connection is closed.'), false, true],
    ['ioredis offline queue disabled', new Error("Stream isn't writeable and enableOfflineQueue options is false"), false, true],
    ['ioredis gave up retrying a command', maxRetries, false, true],
    ['Redis loading its dataset after a restart', new Error('LOADING Redis is loading the dataset in memory'), false, true],
    ['Redis replica after a failover', new Error("READONLY You can't write against a read only replica."), false, true],
    ['a Redis script error', new Error('ERR Error running script'), false, false],
    ['the SMS centre refusing a submit', new Error('submit_sm failed: 0x00000058'), false, false],
    ['a programming error', new TypeError('x is undefined'), false, false],
    ['nothing', undefined, false, false],
  ])('%s', (_label, error, database, redis) => {
    expect([isDatabaseUnavailable(error), isRedisUnavailable(error), isDependencyUnavailable(error)]).toEqual([database, redis, database || redis]);
  });
});
