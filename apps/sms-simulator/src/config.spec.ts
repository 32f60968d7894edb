import { loadSimulatorConfig, SimulatorConfigError } from './config';

describe('simulator config', () => {
  it('has the documented defaults', () => {
    expect(loadSimulatorConfig({})).toEqual({
      smppPort: 2775,
      httpPort: 2776,
      systemId: 'dvc',
      password: 'dvcpass',
      httpUsername: 'dvc',
      httpPassword: 'dvcpass',
      faults: { latencyMs: 0, dlrDelayMs: 200, failureRate: 0, throttlePerSecond: 0, neverDeliverRate: 0, failDlrRate: 0 },
    });
  });

  it('reads ports (0 = ephemeral), credentials, faults and the seed', () => {
    const config = loadSimulatorConfig({
      SMS_SIMULATOR_SMPP_PORT: '0',
      SMS_SIMULATOR_HTTP_PORT: '0',
      SMPP_SYSTEM_ID: 'sys',
      SMS_SIMULATOR_FAILURE_RATE: '0.25',
      SMS_SIMULATOR_THROTTLE_PER_SECOND: '30',
      SMS_SIMULATOR_SEED: '7',
    });
    expect(config).toMatchObject({ smppPort: 0, httpPort: 0, systemId: 'sys', seed: 7, faults: { failureRate: 0.25, throttlePerSecond: 30 } });
  });

  it('rejects nonsense', () => {
    expect(() => loadSimulatorConfig({ SMS_SIMULATOR_FAILURE_RATE: '2' })).toThrow(SimulatorConfigError);
    expect(() => loadSimulatorConfig({ SMS_SIMULATOR_HTTP_PORT: '70000' })).toThrow(SimulatorConfigError);
    expect(() => loadSimulatorConfig({ SMS_SIMULATOR_LATENCY_MS: 'soon' })).toThrow(SimulatorConfigError);
  });
});
