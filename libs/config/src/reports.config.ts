import { IsInt, IsString, Matches, Min } from 'class-validator';
import { EnvVar } from './env-var';

export class ReportsConfig {
  /** How often the worker folds the report-fact deltas into the daily and monthly facts. */
  @EnvVar('REPORT_FACTS_COMPACT_EVERY_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  compactEverySeconds: number = 10;

  /** When the worker compares the report facts with a recount of the rows (cron, Asia/Ho_Chi_Minh). */
  @EnvVar('REPORT_FACTS_VERIFY_CRON')
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern with 5 or 6 fields' })
  verifyCron: string = '30 2 * * *';
}
