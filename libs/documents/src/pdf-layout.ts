import { FONT, alignedBaseline } from './fonts';

type Doc = PDFKit.PDFDocument;

/** A4 in points, administrative margins (wider on the binding side), a band at the bottom for the QR footer. */
export const PAGE = {
  size: 'A4' as const,
  margins: { top: 42, bottom: 100, left: 70, right: 50 },
};

export const TEXT_SIZE = 11;
export const LINE_GAP = 2.5;

export function contentLeft(doc: Doc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function contentBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit above the footer band. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > contentBottom(doc)) {
    doc.addPage();
  }
  doc.x = contentLeft(doc);
}

export function gap(doc: Doc, points = 6): void {
  doc.y += points;
}

/** A plain paragraph across the content width. */
export function paragraph(
  doc: Doc,
  text: string,
  opts: { font?: keyof typeof FONT; size?: number; indent?: number; align?: 'left' | 'center' | 'right' } = {},
): void {
  const size = opts.size ?? TEXT_SIZE;
  const indent = opts.indent ?? 0;
  const width = contentWidth(doc) - indent;
  doc.font(FONT[opts.font ?? 'regular']).fontSize(size);
  ensureSpace(doc, Math.min(doc.heightOfString(text, { width, lineGap: LINE_GAP }), size * 3));
  doc.text(text, contentLeft(doc) + indent, doc.y, { width, lineGap: LINE_GAP, align: opts.align ?? 'left' });
  doc.x = contentLeft(doc);
  doc.y += 2;
}

/** "Label: value" with the value in bold. */
export function field(doc: Doc, label: string, value: string, opts: { indent?: number; size?: number } = {}): void {
  const size = opts.size ?? TEXT_SIZE;
  const indent = opts.indent ?? 0;
  const width = contentWidth(doc) - indent;
  const labelText = `${label}: `;
  doc.fontSize(size);
  ensureSpace(doc, size * 1.6);
  const baseline = alignedBaseline(size);
  doc.font(FONT.regular).text(labelText, contentLeft(doc) + indent, doc.y, { width, lineGap: LINE_GAP, baseline, continued: true });
  doc.font(FONT.bold).text(value.length > 0 ? value : '—', { lineGap: LINE_GAP, baseline });
  doc.font(FONT.regular);
  doc.x = contentLeft(doc);
}

/** Numbered or dashed list items with a hanging indent. */
export function listItem(doc: Doc, marker: string, text: string, opts: { indent?: number; size?: number } = {}): void {
  const size = opts.size ?? TEXT_SIZE;
  const indent = opts.indent ?? 14;
  doc.font(FONT.regular).fontSize(size);
  const markerWidth = Math.max(doc.widthOfString(`${marker} `), 16);
  const width = contentWidth(doc) - indent - markerWidth;
  ensureSpace(doc, Math.min(doc.heightOfString(text, { width, lineGap: LINE_GAP }), size * 3));
  const y = doc.y;
  doc.text(marker, contentLeft(doc) + indent, y, { width: markerWidth, lineGap: LINE_GAP });
  doc.text(text, contentLeft(doc) + indent + markerWidth, y, { width, lineGap: LINE_GAP });
  doc.x = contentLeft(doc);
}

export interface Signature {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  role: string;
  /** The printed name under the signature space; empty leaves it blank. */
  name?: string | null;
  /** The signer's title (chức danh), printed under the name. */
  title?: string | null;
  /** "(Ký và ghi rõ họ tên)" unless given. */
  note?: string;
}

/** One or two signature blocks side by side (left, right); a lone block sits on the right as on the official forms. */
export function signatures(doc: Doc, left: Signature | null, right: Signature): void {
  const blockHeight = 110;
  gap(doc, 10);
  ensureSpace(doc, blockHeight);
  const top = doc.y;
  const half = contentWidth(doc) / 2;
  const draw = (sig: Signature, x: number): number => {
    doc.font(FONT.bold).fontSize(TEXT_SIZE).text(sig.role, x, top, { width: half, align: 'center' });
    doc
      .font(FONT.italic)
      .fontSize(TEXT_SIZE - 1)
      .text(sig.note ?? '(Ký và ghi rõ họ tên)', x, doc.y + 1, { width: half, align: 'center' });
    if (sig.name)
      doc
        .font(FONT.bold)
        .fontSize(TEXT_SIZE)
        .text(sig.name, x, top + 72, { width: half, align: 'center' });
    if (sig.name && sig.title)
      doc
        .font(FONT.regular)
        .fontSize(TEXT_SIZE - 1)
        .text(sig.title, x, doc.y + 1, { width: half, align: 'center' });
    return Math.max(doc.y, top + 72 + TEXT_SIZE * 1.4);
  };
  const bottoms = [draw(right, contentLeft(doc) + half)];
  if (left) bottoms.push(draw(left, contentLeft(doc)));
  doc.font(FONT.regular).fontSize(TEXT_SIZE);
  doc.x = contentLeft(doc);
  doc.y = Math.max(...bottoms) + 6;
}
