import { IsIn } from 'class-validator';
import { EnvVar } from './env-var';

export class RuntimeConfig {
  @EnvVar('NODE_ENV')
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  nodeEnv: string = 'development';

  @EnvVar('LOG_LEVEL')
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino level (fatal…trace, silent)' })
  logLevel: string = 'info';

  /** `auto`: readable lines (pino-pretty) when stdout is a terminal outside production, JSON otherwise. */
  @EnvVar('LOG_FORMAT')
  @IsIn(['auto', 'json', 'pretty'], { message: 'must be one of auto, json, pretty' })
  logFormat: 'auto' | 'json' | 'pretty' = 'auto';

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  /** Whether a person reads this process's log: `auto` asks whether stdout is a terminal. */
  prettyLogs(stdoutIsTerminal = Boolean(process.stdout.isTTY)): boolean {
    if (this.logFormat !== 'auto') return this.logFormat === 'pretty';
    return !this.isProduction && stdoutIsTerminal;
  }
}
