import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { headerSafe, hostileString } from './hostile-values';

/**
 * File contents for the upload sweep. `storedAs` is the only type the content may be kept as (its real magic
 * number); null means it must be refused whatever name and type the client claims.
 */
export interface UploadContent {
  label: string;
  bytes: Buffer;
  storedAs: string | null;
}

const b = (s: string) => Buffer.from(s, 'latin1');
const PDF = b('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([b('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), b('PE\0\0'), Buffer.alloc(200)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const ZIP = Buffer.concat([b('PK\x03\x04\x14\x00\x00\x00\x08\x00'), Buffer.alloc(20), b('evil.exe'), Buffer.alloc(40), b('PK\x05\x06'), Buffer.alloc(18)]);
const HTML = b('<!DOCTYPE html><html><body><script>fetch("/api/v1/dossiers").then(r=>r.text()).then(alert)</script></body></html>');
const SVG = b('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
const GIF = b('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;');

export const UPLOAD_CONTENTS: UploadContent[] = [
  { label: 'a Windows executable', bytes: EXE, storedAs: null },
  { label: 'an ELF executable', bytes: ELF, storedAs: null },
  { label: 'a zip archive', bytes: ZIP, storedAs: null },
  { label: 'an HTML page with a script', bytes: HTML, storedAs: null },
  { label: 'an SVG with a script', bytes: SVG, storedAs: null },
  { label: 'a GIF', bytes: GIF, storedAs: null },
  { label: 'a GIF/JavaScript polyglot', bytes: Buffer.concat([GIF, b('*/=alert(1)//')]), storedAs: null },
  { label: 'HTML with a PDF header further down', bytes: Buffer.concat([HTML, PDF]), storedAs: null },
  { label: 'an empty file', bytes: Buffer.alloc(0), storedAs: null },
  { label: 'one byte', bytes: b('%'), storedAs: null },
  { label: 'a bare PDF magic number', bytes: b('%PDF-'), storedAs: 'application/pdf' },
  { label: 'a zip starting with a PDF comment line', bytes: Buffer.concat([b('%'), ZIP]), storedAs: null },
  // Polyglots whose first bytes really are PDF / JPEG: stored as that type only, so a browser never renders the rest.
  { label: 'a PDF/HTML polyglot', bytes: Buffer.concat([PDF, HTML]), storedAs: 'application/pdf' },
  { label: 'a PDF with an embedded zip', bytes: Buffer.concat([PDF, ZIP]), storedAs: 'application/pdf' },
  { label: 'a JPEG/PHP polyglot', bytes: Buffer.concat([JPEG_HEAD, b('<?php system($_GET["c"]); ?>'), Buffer.from([0xff, 0xd9])]), storedAs: 'image/jpeg' },
];

export const DECLARED_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/x-msdownload',
  'text/html',
  'application/octet-stream',
  'image/svg+xml',
  '',
];
export const FILE_NAMES = [
  'giay-to.pdf',
  'giay-to.pdf.exe',
  'invoice.exe',
  'index.html',
  '../../../../etc/passwd',
  '..\\..\\boot.ini',
  'a\u0000.pdf',
  '\u202egpj.exe',
  'x'.repeat(1000),
  '',
  '.pdf',
  'Giấy khai sinh.pdf',
  'con"trol\r\n.pdf',
];

export interface UploadPlan {
  content: UploadContent;
  fieldName: string;
  fileName: string;
  declaredType: string;
  extraParts: number;
}

export const uploadPlan: fc.Arbitrary<UploadPlan> = fc.record({
  content: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...UPLOAD_CONTENTS) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 96 }).map((a) => ({ label: 'random bytes', bytes: Buffer.from(a), storedAs: 'sniffed' })) },
  ),
  fieldName: fc.oneof(
    { weight: 5, arbitrary: fc.constant('file') },
    { weight: 1, arbitrary: hostileString.map((s) => headerSafe(s).replace(/"/g, '').slice(0, 100)) },
  ),
  fileName: fc.oneof(
    fc.constantFrom(...FILE_NAMES),
    hostileString.map((s) => s.slice(0, 300)),
  ),
  declaredType: fc.constantFrom(...DECLARED_TYPES),
  extraParts: fc.constantFrom(0, 0, 0, 1, 3),
});

/** The multipart body, byte for byte (names are written raw: quotes, CR/LF and NUL included when asked for). */
export function multipartBody(plan: UploadPlan): { contentType: string; bytes: Buffer } {
  const boundary = `----sweep${randomUUID()}`;
  const chunks: Buffer[] = [];
  const part = (name: string, filename: string | null, type: string, data: Buffer) => {
    const disposition = `form-data; name="${name}"${filename !== null ? `; filename="${filename}"` : ''}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`, 'utf8'),
      data,
      Buffer.from('\r\n'),
    );
  };
  // Only the first file part counts; what follows it (fields, a second file) must not change what is kept.
  part(plan.fieldName, plan.fileName, plan.declaredType, plan.content.bytes);
  for (let i = 0; i < plan.extraParts; i++)
    part(i % 2 ? 'file' : `note${i}`, i % 2 ? 'second.pdf' : null, i % 2 ? 'application/pdf' : '', i % 2 ? PDF : Buffer.from('ghi chú'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}
