/** Counts events in a sliding window (default one second) to decide throttling. */
export class SlidingWindowCounter {
  private stamps: number[] = [];

  constructor(private readonly windowMs = 1000) {}

  count(now: number): number {
    const from = now - this.windowMs;
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop] <= from) drop++;
    if (drop > 0) this.stamps = this.stamps.slice(drop);
    return this.stamps.length;
  }

  record(now: number): void {
    this.stamps.push(now);
  }

  clear(): void {
    this.stamps = [];
  }
}
