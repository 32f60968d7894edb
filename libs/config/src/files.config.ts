import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { EnvVar } from './env-var';

export class FilesConfig {
  /** Where uploaded files are kept; a relative path is resolved against the working directory. */
  @EnvVar('FILES_DIR')
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  dir: string = 'var/files';

  /** Largest accepted upload, in bytes (the `files.size` column is an integer). */
  @EnvVar('FILES_MAX_BYTES')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(2_147_483_646, { message: 'must be below 2 GiB' })
  maxBytes: number = 10_485_760;

  /** Comma-separated media types accepted, as sniffed from the content (never from the name or the declared type). */
  @EnvVar('FILES_ALLOWED_MIME')
  @Matches(/^\s*[a-z0-9.+-]+\/[a-z0-9.+-]+(\s*,\s*[a-z0-9.+-]+\/[a-z0-9.+-]+)*\s*$/i, { message: 'must be a comma-separated list of media types' })
  allowedMime: string = 'application/pdf,image/jpeg,image/png';

  get allowedMimeTypes(): string[] {
    return this.allowedMime
      .split(',')
      .map((m) => m.trim().toLowerCase())
      .filter(Boolean);
  }
}
