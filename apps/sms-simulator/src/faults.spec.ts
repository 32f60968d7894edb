import { mulberry32 } from '@dvc/simulator-kit';
import { FaultPolicy } from './fault-policy';
import { DEFAULT_FAULTS, InvalidFaultsError, mergeFaults } from './faults';

describe('faults', () => {
  it('merges partial updates and rejects bad values', () => {
    expect(mergeFaults({ ...DEFAULT_FAULTS }, { failureRate: 0.5 })).toMatchObject({ failureRate: 0.5, dlrDelayMs: 200 });
    expect(() => mergeFaults({ ...DEFAULT_FAULTS }, { failureRate: 1.5 })).toThrow(InvalidFaultsError);
    expect(() => mergeFaults({ ...DEFAULT_FAULTS }, { latencyMs: -1 })).toThrow(InvalidFaultsError);
    expect(() => mergeFaults({ ...DEFAULT_FAULTS }, { nope: 1 })).toThrow(/unknown fault/);
    expect(() => mergeFaults({ ...DEFAULT_FAULTS }, [])).toThrow(InvalidFaultsError);
  });

  it('the same seed gives the same decisions', () => {
    const faults = { ...DEFAULT_FAULTS, failureRate: 0.3, neverDeliverRate: 0.3, failDlrRate: 0.3 };
    const run = () => {
      const policy = new FaultPolicy(mulberry32(42));
      return Array.from({ length: 50 }, () => JSON.stringify(policy.decide(faults)));
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(2);
  });

  it('throttles accepted submits beyond N within one second', () => {
    let now = 10_000;
    const policy = new FaultPolicy(mulberry32(1), () => now);
    const faults = { ...DEFAULT_FAULTS, throttlePerSecond: 2 };
    expect(policy.decide(faults).kind).toBe('accepted');
    expect(policy.decide(faults).kind).toBe('accepted');
    expect(policy.decide(faults).kind).toBe('throttled');
    now += 1001;
    expect(policy.decide(faults).kind).toBe('accepted');
  });
});
