import { Injectable } from '@nestjs/common';

/**
 * The worker's BullMQ job schedulers (repeatable jobs live in Redis): each processor that has one registers how to
 * create it, so whoever must create them all again (LostJobsRecovery, after Redis lost its data) needs no list of
 * processors, and a new scheduled job is recovered without editing the recovery.
 */
@Injectable()
export class JobSchedules {
  private readonly schedules = new Map<string, () => Promise<void>>();

  register(name: string, schedule: () => Promise<void>): void {
    if (this.schedules.has(name)) throw new Error(`job schedule ${name} registered twice`);
    this.schedules.set(name, schedule);
  }

  names(): string[] {
    return [...this.schedules.keys()];
  }

  /** Creates (upserts) every registered schedule; BullMQ keeps one scheduler per name, so again is harmless. */
  async createAll(): Promise<void> {
    await Promise.all([...this.schedules.values()].map((schedule) => schedule()));
  }
}
