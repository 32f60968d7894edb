import PDFDocument from 'pdfkit';
import { DocumentData, DocumentForm, isDocumentForm } from './document-data';
import { DocumentDataError } from './document-data-error';
import { registerFonts } from './fonts';
import { apologyForm } from './forms/apology.form';
import { controlSlipForm } from './forms/control-slip.form';
import { FormRenderer } from './forms/form-renderer';
import { receiptForm } from './forms/receipt.form';
import { refusalForm } from './forms/refusal.form';
import { stopNoticeForm } from './forms/stop-notice.form';
import { supplementRequestForm } from './forms/supplement-request.form';
import { drawHeader } from './pdf-header';
import { drawFooters, QR_CAPTION, trackingQrPng, VERIFY_QR_CAPTION } from './pdf-footer';
import { PAGE } from './pdf-layout';
import { parseTime } from './vn-format';

export const DOCUMENT_AUTHOR = 'Cổng dịch vụ công Hà Nội';

const RENDERERS: Record<DocumentForm, FormRenderer> = {
  receipt: receiptForm,
  'supplement-request': supplementRequestForm,
  refusal: refusalForm,
  'stop-notice': stopNoticeForm,
  apology: apologyForm,
  'control-slip': controlSlipForm,
};

/** Every string in NFC, so precomposed Vietnamese letters map to the font's own glyphs. */
function normalized<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => normalized(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalized(v)])) as T;
  }
  return value;
}

/**
 * Renders one of the one-stop-shop forms as an A4 PDF (Vietnamese text in an embedded font, the tracking QR code
 * on every page). Rejects with `DocumentDataError` when the data lacks what the form needs.
 * The output depends on the data only (the creation date is the form's issue time).
 */
export async function renderDocument(input: DocumentData): Promise<Buffer> {
  if (!input || !isDocumentForm(input.form)) throw new DocumentDataError(`Unknown document form: ${String(input?.form)}`);
  const data = normalized(input);
  if (!data.trackingUrl || !data.trackingUrl.trim()) throw new DocumentDataError(`Dossier ${data.dossierCode}: trackingUrl is required`);
  const renderer = RENDERERS[data.form];
  const spec = renderer.spec(data);
  const qrUrl = data.verifyUrl?.trim() ? data.verifyUrl : data.trackingUrl;
  const qrPng = await trackingQrPng(qrUrl);

  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `${spec.title} - ${data.dossierCode}`,
      Author: DOCUMENT_AUTHOR,
      Subject: `${spec.formNumber} - ${data.procedureName}`,
      Keywords: data.dossierCode,
      Creator: DOCUMENT_AUTHOR,
      CreationDate: parseTime(spec.issuedAt, 'issue time'),
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    registerFonts(doc);
    drawHeader(doc, data, spec);
    renderer.drawBody(doc, data);
    drawFooters(doc, qrPng, qrUrl, data.dossierCode, qrUrl === data.trackingUrl ? QR_CAPTION : VERIFY_QR_CAPTION);
  } finally {
    doc.end();
  }
  return done;
}
