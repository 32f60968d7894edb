import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, DomainErrorCode } from '@dvc/core';
import type { SigningConfig } from '@dvc/config';
import type { DocumentSigner } from './document-signer';
import { keyMaterialFromP12 } from './key-material';
import { KeyMaterialSigner } from './key-material-signer';
import { LocalCa } from './local-ca';

/** The signer SIGNING_MODE names: the private CA, or one PKCS#12 file per agency. */
export function signerFromConfig(config: SigningConfig): DocumentSigner {
  if (config.mode === 'local-ca') {
    const ca = new LocalCa(config.pkiDir, config.localCertDays);
    return new KeyMaterialSigner((agency) => ca.agencyMaterial(agency));
  }
  return new KeyMaterialSigner((agency) => {
    const file = join(config.p12Dir, `${agency.code.replace(/[^A-Za-z0-9.]/g, '_')}.p12`);
    try {
      return keyMaterialFromP12(readFileSync(file), config.p12Passphrase);
    } catch {
      // Neither the path nor the parser's message: the file name holds nothing secret, but the reason may.
      throw new DomainError(DomainErrorCode.Unavailable, `No usable signing certificate is configured for agency ${agency.code}.`);
    }
  });
}
