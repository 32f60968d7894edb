import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthConfig } from '@dvc/config';
import { purgeSpentOtps } from '@dvc/sms';

const EVERY_MS = 30_000;
const GRACE_SECONDS = 10;

/**
 * Removes spent OTP codes from sms_messages and the outbox (purgeSpentOtps) every 30 s. A timer, not a BullMQ
 * schedule: the statement is idempotent, so every worker may run it, and nothing is lost when Redis is.
 */
@Injectable()
export class OtpPurgeSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OtpPurge');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.runOnce();
    }, EVERY_MS);
    this.timer.unref();
  }

  async runOnce(): Promise<void> {
    try {
      const result = await purgeSpentOtps(this.db, { ttlSeconds: this.auth.otpTtlSeconds, graceSeconds: GRACE_SECONDS });
      if (result.messages + result.outbox + result.expiredUnsent > 0) this.logger.log(`spent OTPs purged: ${JSON.stringify(result)}`);
    } catch (error) {
      this.logger.warn(`OTP purge not done (PostgreSQL?): ${(error as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
