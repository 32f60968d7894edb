import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { attributeText, type KeyMaterial } from './key-material';

export interface AgencyIdentity {
  /** Electronic identifier, e.g. `000.35.22.H26`. */
  code: string;
  /** The agency's name: the certificate's CN. */
  name: string;
  /** The administrative unit it belongs to: the certificate's O. */
  unitName: string;
}

const UID = '0.9.2342.19200300.100.1.1';
const DAY_MS = 86_400_000;
// forge encodes a UTF8String value itself, and decodes it when parsing.
const utf8 = (s: string) => ({ valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class, value: s });

/** Node's native key generation (milliseconds) rather than forge's JavaScript one (seconds). */
function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

export interface IssueOptions {
  notBefore: Date;
  notAfter: Date;
}

/** A CA certificate (self-signed when `issuer` is absent) or an agency's signing certificate under `issuer`. */
export function issueCertificate(subject: forge.pki.CertificateField[], validity: IssueOptions, issuer: KeyMaterial | null, isCa: boolean): KeyMaterial {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // Positive 16-byte serial (RFC 5280: at most 20 octets, non-negative).
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  cert.setSubject(subject);
  // forge encodes UTF8String values when writing but leaves them encoded when parsing: the issuer's name as text.
  cert.setIssuer(issuer ? issuer.certificate.subject.attributes.map((a) => ({ ...a, value: attributeText(a) })) : subject);
  cert.setExtensions(
    isCa
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'extKeyUsage', emailProtection: true },
          { name: 'subjectKeyIdentifier' },
        ],
  );
  cert.sign(issuer?.privateKey ?? keys.privateKey, forge.md.sha256.create());
  // Back through PEM, so a new certificate reads like a stored one.
  return fromPem(forge.pki.privateKeyToPem(keys.privateKey) + forge.pki.certificateToPem(cert), issuer ? [issuer.certificate, ...issuer.chain] : []);
}

export function agencySubject(agency: AgencyIdentity): forge.pki.CertificateField[] {
  return [
    { shortName: 'C', value: 'VN' },
    { shortName: 'L', ...utf8('Hà Nội') },
    { shortName: 'O', ...utf8(agency.unitName || agency.name) },
    { shortName: 'CN', ...utf8(agency.name) },
    { type: UID, ...utf8(agency.code) },
  ];
}

const toPem = (m: KeyMaterial) => forge.pki.privateKeyToPem(m.privateKey) + forge.pki.certificateToPem(m.certificate);
function fromPem(pem: string, chain: forge.pki.Certificate[]): KeyMaterial {
  // forge reads only the first block of a PEM text: find each block by its label.
  const blocks = forge.pem.decode(pem);
  const key = blocks.find((b) => b.type === 'RSA PRIVATE KEY');
  const cert = blocks.find((b) => b.type === 'CERTIFICATE');
  if (!key || !cert) throw new Error('The key file lacks its private key or certificate.');
  return {
    privateKey: forge.pki.privateKeyFromPem(forge.pem.encode(key)) as forge.pki.rsa.PrivateKey,
    certificate: forge.pki.certificateFromPem(forge.pem.encode(cert)),
    chain,
  };
}

/** Creates the file only if it does not exist; if another process created it first, theirs is kept and returned. */
function writeOnce(path: string, content: string): string {
  try {
    writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw error;
  }
}

function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The private CA of development and tests, kept in `dir` (never in the repository): a root generated on first use,
 * then one certificate per agency (CN = agency name, O = its unit, UID = its electronic identifier), each stored as
 * one PEM file (key + certificate) so concurrent processes agree on a single one.
 */
export class LocalCa {
  private root: KeyMaterial | null = null;

  constructor(
    private readonly dir: string,
    private readonly certDays: number,
  ) {}

  rootCertificatePem(): string {
    return forge.pki.certificateToPem(this.rootMaterial().certificate);
  }

  agencyMaterial(agency: AgencyIdentity, now = new Date()): KeyMaterial {
    const root = this.rootMaterial(now);
    const dir = join(this.dir, 'agencies');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The identifier is digits, dots and letters (checked by the caller's domain); keep the file name safe regardless.
    const path = join(dir, `${agency.code.replace(/[^A-Za-z0-9.]/g, '_')}.pem`);
    const existing = readIfExists(path);
    if (existing) return fromPem(existing, [root.certificate]);
    const issued = issueCertificate(
      agencySubject(agency),
      { notBefore: new Date(now.getTime() - DAY_MS), notAfter: new Date(now.getTime() + this.certDays * DAY_MS) },
      root,
      false,
    );
    return fromPem(writeOnce(path, toPem(issued)), [root.certificate]);
  }

  private rootMaterial(now = new Date()): KeyMaterial {
    if (this.root) return this.root;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, 'root-ca.pem');
    let pem = readIfExists(path);
    if (!pem) {
      const subject = [
        { shortName: 'C', value: 'VN' },
        { shortName: 'O', ...utf8('Cổng dịch vụ công Hà Nội (phát triển)') },
        { shortName: 'CN', value: 'DVC Ha Noi Development Root CA' },
      ];
      const root = issueCertificate(subject, { notBefore: new Date(now.getTime() - DAY_MS), notAfter: new Date(now.getTime() + 3650 * DAY_MS) }, null, true);
      pem = writeOnce(path, toPem(root));
    }
    this.root = fromPem(pem, []);
    return this.root;
  }
}
