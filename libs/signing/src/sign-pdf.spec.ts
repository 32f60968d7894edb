import { UnsignablePdfError } from './sign-pdf';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { documentFixture, renderDocument } from '@dvc/documents';
import forge from 'node-forge';
import { keyMaterialFromP12 } from './key-material';
import { KeyMaterialSigner } from './key-material-signer';
import { issueCertificate, agencySubject, LocalCa, type AgencyIdentity } from './local-ca';
import { pdfsig } from './pdfsig';

const AGENCY: AgencyIdentity = { code: '000.35.22.H26', name: 'UBND Phường Tràng Tiền', unitName: 'Phường Tràng Tiền' };
const DAY = 86_400_000;

/** Offsets of the signed byte range: [a, b, c, d] covers [a, a+b) and [c, c+d). */
function byteRange(pdf: Buffer): number[] {
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no /ByteRange');
  return m.slice(1).map(Number);
}

describe('signing a PDF with the agency certificate (checked by pdfsig)', () => {
  let dir: string;
  let ca: LocalCa;
  let pdf: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pki-'));
    ca = new LocalCa(dir, 825);
    pdf = await renderDocument(documentFixture('receipt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a valid adbe.pkcs7.detached signature by the agency, with its signing time', async () => {
    const signer = new KeyMaterialSigner((a) => ca.agencyMaterial(a));
    // An hour ago, inside the certificate's validity (issued now, valid from a day back), with milliseconds.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000 + 678);
    const signed = await signer.signPdf(pdf, { agency: AGENCY, reason: 'Phiếu tiếp nhận', at });
    // CMS signingTime is UTCTime, whole seconds
    expect(signed.signedAt.getTime()).toBe(at.getTime() - 678);
    expect(signed.signerName).toBe('UBND Phường Tràng Tiền');
    expect(signed.pdf.subarray(0, pdf.length - 2000).equals(pdf.subarray(0, pdf.length - 2000))).toBe(true);

    const report = await pdfsig(signed.pdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('UBND Phường Tràng Tiền');
    expect(report).toMatch(/Signature Type: adbe\.pkcs7\.detached/);
    const [, day, month, year, time] = /^\w+, (\d+) (\w+) (\d+) ([\d:]+)/.exec(at.toUTCString())!.map(String);
    expect(report).toContain(`Signing Time: ${month} ${day} ${year} ${time}`);
    expect(report).toContain('UID=000.35.22.H26');
    expect(report).toContain('Total document signed');
  });

  it('refuses a PDF without a cross-reference table with UnsignablePdfError (the approval answers 422, nothing released unsigned)', async () => {
    const signer = new KeyMaterialSigner((a) => ca.agencyMaterial(a));
    const broken = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await expect(signer.signPdf(broken, { agency: AGENCY, reason: 'Kết quả', at: new Date() })).rejects.toBeInstanceOf(UnsignablePdfError);
  });

  it('is invalid once a byte inside the signed range changes', async () => {
    const signer = new KeyMaterialSigner((a) => ca.agencyMaterial(a));
    const { pdf: signed } = await signer.signPdf(pdf, { agency: AGENCY, reason: 'Phiếu tiếp nhận' });
    const [start, length] = byteRange(signed);
    const tampered = Buffer.from(signed);
    // A byte of the page content stream, well inside the first signed range.
    const at = start + Math.floor(length / 2);
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const report = await pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature is Invalid|Digest Mismatch/i);
  });

  it('keeps one key per agency: generated once, on disk, and loaded once per process', async () => {
    let loads = 0;
    const signer = new KeyMaterialSigner((a) => {
      loads += 1;
      return ca.agencyMaterial(a);
    });
    await signer.signPdf(pdf, { agency: AGENCY, reason: 'x' });
    await signer.signPdf(pdf, { agency: AGENCY, reason: 'x' });
    expect(loads).toBe(1);
    const again = new LocalCa(dir, 825).agencyMaterial(AGENCY);
    expect(again.certificate.serialNumber).toBe(ca.agencyMaterial(AGENCY).certificate.serialNumber);
    expect(readdirSync(join(dir, 'agencies'))).toEqual(['000.35.22.H26.pem']);
  });

  it('signs with key material read from a PKCS#12 file (the production path), chain included', async () => {
    const issued = ca.agencyMaterial(AGENCY);
    const p12 = forge.pkcs12.toPkcs12Asn1(issued.privateKey, [issued.certificate, ...issued.chain], 'mật khẩu', { algorithm: '3des' });
    const material = keyMaterialFromP12(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), 'mật khẩu');
    expect(material.chain).toHaveLength(1);
    const { pdf: signed } = await new KeyMaterialSigner(() => material).signPdf(pdf, { agency: AGENCY, reason: 'Kết quả' });
    const report = await pdfsig(signed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Signer Certificate Common Name: UBND Phường Tràng Tiền');
    expect(() => keyMaterialFromP12(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), 'wrong')).toThrow();
  });

  it.each([
    ['expired', -400, -1],
    ['not yet valid', 1, 400],
  ])('refuses an %s certificate as unavailable, producing nothing', async (_label, fromDays, toDays) => {
    const now = Date.now();
    const material = issueCertificate(
      agencySubject(AGENCY),
      { notBefore: new Date(now + fromDays * DAY), notAfter: new Date(now + toDays * DAY) },
      null,
      false,
    );
    const signer = new KeyMaterialSigner(() => material);
    const error = await signer.signPdf(pdf, { agency: AGENCY, reason: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(DomainErrorCode.Unavailable);
  });
});
