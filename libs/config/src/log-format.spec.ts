import { loadConfig } from './load-config';
import { readableLogTransport } from './log-format';
import { RuntimeConfig } from './runtime.config';

describe('log format', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NODE_ENV: 'production' }, true, false],
    [{ LOG_FORMAT: 'json' }, true, false],
    [{ LOG_FORMAT: 'pretty' }, false, true],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, false, true],
  ])('%j with a terminal %s: readable %s', (env, terminal, readable) => {
    expect(loadConfig(RuntimeConfig, env).prettyLogs(terminal)).toBe(readable);
  });

  it('names pino-pretty only when readable', () => {
    expect(readableLogTransport(loadConfig(RuntimeConfig, { LOG_FORMAT: 'pretty' }))).toMatchObject({ target: 'pino-pretty' });
    expect(readableLogTransport(loadConfig(RuntimeConfig, { LOG_FORMAT: 'json' }))).toBeUndefined();
  });

  it('refuses an unknown format', () => {
    expect(() => loadConfig(RuntimeConfig, { LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
