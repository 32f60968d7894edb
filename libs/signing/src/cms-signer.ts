import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { attributeText, type KeyMaterial } from './key-material';

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): what RSASSA-PKCS1-v1_5 signs. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const nativeKeys = new WeakMap<object, KeyObject>();

/**
 * The RSA private operation in OpenSSL (about a millisecond) instead of forge's JavaScript (over 100 ms), behind the
 * `sign(md)` forge's PKCS#7 code calls; the key is converted once per key material.
 */
function nativeRsaKey(material: KeyMaterial): { sign(md: forge.md.MessageDigest): string } {
  let key = nativeKeys.get(material);
  if (!key) {
    key = createPrivateKey(forge.pki.privateKeyToPem(material.privateKey));
    nativeKeys.set(material, key);
  }
  const native = key;
  return {
    sign: (md) => {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      return privateEncrypt({ key: native, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest])).toString('binary');
    },
  };
}

/**
 * The CMS signer of @signpdf/signer-p12, over key material parsed once: P12Signer decrypts its PKCS#12 on every
 * signature, which costs more than the whole signing budget of an approval. Same attributes and order (content
 * type, signing time, message digest), SHA-256, detached, signer certificate and its chain embedded.
 */
export class KeyMaterialCmsSigner extends Signer {
  constructor(private readonly material: KeyMaterial) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(this.material.certificate);
    for (const issuer of this.material.chain) p7.addCertificate(issuer);
    p7.addSigner({
      key: nativeRsaKey(this.material) as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.material.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    // forge keeps a parsed name's UTF8String values as bytes and encodes them again when it writes the signer's
    // issuerAndSerialNumber: without this, a Vietnamese issuer name no longer matches the embedded certificate.
    for (const signer of (p7 as unknown as { signers: { issuer: forge.pki.CertificateField[] }[] }).signers) {
      signer.issuer = signer.issuer.map((a) => ({ ...a, value: attributeText(a) }));
    }
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
