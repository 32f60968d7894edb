import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ReorganizationService } from './reorganization.service';

/**
 * At every start of a program that includes this module (API, worker), plans whose date passed while it was down
 * take effect. Not awaited: a long switch must not hold up the start, and applyDue is safe to run alongside the
 * worker's schedule.
 */
@Injectable()
export class DuePlansAtStart implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running: Promise<string[]> = Promise.resolve([]);

  constructor(private readonly reorganizations: ReorganizationService) {}

  onApplicationBootstrap(): void {
    this.running = this.reorganizations.applyDueQuietly();
  }

  /** The names the start-up run applied, once it finished. */
  done(): Promise<string[]> {
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running;
  }
}
