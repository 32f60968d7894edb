import { IsInt, Min } from 'class-validator';
import { EnvVar } from './env-var';

export class DeadlinesConfig {
  /** Working time before the due date from which a dossier is flagged "nearly due" (480 = one working day). */
  @EnvVar('DEADLINE_WARN_WORKING_MINUTES')
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  warnWorkingMinutes: number = 480;

  @EnvVar('DEADLINE_SWEEP_EVERY_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  sweepEverySeconds: number = 300;
}
