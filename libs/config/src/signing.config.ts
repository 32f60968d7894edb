import { IsIn, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { EnvVar } from './env-var';

export class SigningConfig {
  /**
   * `local-ca`: a private CA generated on first start under SIGNING_PKI_DIR (development, tests);
   * `pkcs12`: each agency's key and certificate from `SIGNING_P12_DIR/<agency identifier>.p12` (production).
   */
  @EnvVar('SIGNING_MODE')
  @IsIn(['local-ca', 'pkcs12'])
  mode: 'local-ca' | 'pkcs12' = 'local-ca';

  /** Where the private CA keeps its keys (outside the repository: `var/` is ignored by git). */
  @EnvVar('SIGNING_PKI_DIR')
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  pkiDir: string = 'var/pki';

  @EnvVar('SIGNING_P12_DIR')
  @IsString()
  p12Dir: string = '';

  /** Passphrase of the PKCS#12 files; a secret, from the environment only. */
  @EnvVar('SIGNING_P12_PASSPHRASE')
  @IsString()
  p12Passphrase: string = '';

  /** Validity of a certificate the private CA issues to an agency. */
  @EnvVar('SIGNING_LOCAL_CERT_DAYS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(3650)
  localCertDays: number = 825;
}
