import forge from 'node-forge';

/** An agency's private key with its certificate and the issuers above it, parsed once and kept in memory. */
export interface KeyMaterial {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** Issuer certificates (embedded in the signature so a verifier can build the path). */
  chain: forge.pki.Certificate[];
}

/** Reads a PKCS#12 file: the certificate whose public key matches the private key, the others as its chain. */
export function keyMaterialFromP12(p12Der: Buffer, passphrase: string): KeyMaterial {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12Der.toString('binary')), false, passphrase);
  const keyBags = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
  const privateKey = keyBags[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new Error('The PKCS#12 file holds no private key.');
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  const matches = (c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(privateKey.n) === 0 && pub.e.compareTo(privateKey.e) === 0;
  };
  const certificate = certs.find(matches);
  if (!certificate) throw new Error('The PKCS#12 file holds no certificate for its private key.');
  return { privateKey, certificate, chain: certs.filter((c) => c !== certificate) };
}

/** A parsed certificate keeps UTF8String values as UTF-8 bytes; as text. */
export function attributeText(attribute: { value?: unknown; valueTagClass?: unknown } | null | undefined): string {
  const value = typeof attribute?.value === 'string' ? attribute.value : '';
  if (attribute?.valueTagClass !== forge.asn1.Type.UTF8) return value;
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
}

export function commonNameOf(certificate: forge.pki.Certificate): string {
  return attributeText(certificate.subject.getField('CN') as { value?: unknown; valueTagClass?: unknown } | null);
}
