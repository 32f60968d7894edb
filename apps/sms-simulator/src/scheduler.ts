/** setTimeout with bookkeeping, so reset() can cancel pending deliveries and stop() every timer. */
export class Scheduler {
  private readonly timers = new Map<NodeJS.Timeout, string>();

  schedule(ms: number, fn: () => void, group = 'default'): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, ms),
    );
    this.timers.set(timer, group);
  }

  cancel(group: string): void {
    for (const [timer, g] of this.timers) {
      if (g !== group) continue;
      clearTimeout(timer);
      this.timers.delete(timer);
    }
  }

  cancelAll(): void {
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
  }
}
