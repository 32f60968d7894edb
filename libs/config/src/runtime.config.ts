import { IsIn } from 'class-validator';
import { EnvVar } from './env-var';

export class RuntimeConfig {
  @EnvVar('NODE_ENV')
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  nodeEnv: string = 'development';

  @EnvVar('LOG_LEVEL')
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino level (fatal…trace, silent)' })
  logLevel: string = 'info';

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
