import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the server is shutting down (57P01)', pgError('57P01', 'terminating connection due to administrator command'), true],
    ['the server crashed (57P02)', pgError('57P02'), true],
    ['the server is starting (57P03)', pgError('57P03', 'the database system is starting up'), true],
    ['a connection exception (08006)', pgError('08006'), true],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    ['a socket closed mid-query', new Error('Connection terminated unexpectedly'), true],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect'), true],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01')), true],
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505')), false],
    ['a serialization failure', pgError('40001'), false],
    ['a programming error', new TypeError('x is undefined'), false],
    ['nothing', undefined, false],
  ])('%s', (_label, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
