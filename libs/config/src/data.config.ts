import { IsBoolean, IsString, MinLength } from 'class-validator';
import { EnvVar } from './env-var';

export class DataConfig {
  /** Folder with hanoi-units-3level.csv and hanoi-2025-merges.csv; when absent a minimal hierarchy is seeded. */
  @EnvVar('UNITS_DATA_DIR')
  @IsString()
  unitsDataDir: string = '../shared/data';

  /** Load demo accounts and sample data. Always off in production. */
  @EnvVar('DEMO_DATA')
  @IsBoolean()
  demoData: boolean = true;

  @EnvVar('DEMO_PASSWORD')
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  demoPassword: string = 'Demo@2026';
}
