import { chance, type Random } from '@dvc/simulator-kit';
import type { Faults } from './faults';
import { SlidingWindowCounter } from './throttle';

/** What happens to one submitted message. */
export type Fate = 'deliver' | 'never' | 'undeliverable';
export type Decision = { kind: 'throttled' } | { kind: 'failed' } | { kind: 'accepted'; fate: Fate };

/** Turns the current faults and the seeded PRNG into a decision per submit (order: throttle, failure, fate). */
export class FaultPolicy {
  private readonly window = new SlidingWindowCounter(1000);

  constructor(
    private random: Random,
    private readonly now: () => number = Date.now,
  ) {}

  decide(faults: Faults): Decision {
    const now = this.now();
    if (faults.throttlePerSecond > 0 && this.window.count(now) >= faults.throttlePerSecond) return { kind: 'throttled' };
    if (chance(this.random, faults.failureRate)) return { kind: 'failed' };
    this.window.record(now);
    if (chance(this.random, faults.neverDeliverRate)) return { kind: 'accepted', fate: 'never' };
    if (chance(this.random, faults.failDlrRate)) return { kind: 'accepted', fate: 'undeliverable' };
    return { kind: 'accepted', fate: 'deliver' };
  }

  reset(random: Random): void {
    this.random = random;
    this.window.clear();
  }
}
