import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { attributeText, type KeyMaterial } from './key-material';

/**
 * The CMS signer of @signpdf/signer-p12, over key material parsed once: P12Signer decrypts its PKCS#12 on every
 * signature, which costs more than the whole signing budget of an approval. Same attributes and order (content
 * type, signing time, message digest), SHA-256, detached, signer certificate and its chain embedded.
 */
export class KeyMaterialCmsSigner extends Signer {
  constructor(private readonly material: KeyMaterial) {
    super();
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(this.material.certificate);
    for (const issuer of this.material.chain) p7.addCertificate(issuer);
    p7.addSigner({
      key: this.material.privateKey,
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
