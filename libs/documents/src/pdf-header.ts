import { DocumentData } from './document-data';
import { FONT, alignedBaseline } from './fonts';
import { contentLeft, contentWidth, gap } from './pdf-layout';
import { formatDateVn, upperVn } from './vn-format';

type Doc = PDFKit.PDFDocument;

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface HeaderSpec {
  /** "Mẫu số 01". */
  formNumber: string;
  /** The form title, printed in capitals as given. */
  title: string;
  /** The time the form is issued, for the place and date line. */
  issuedAt: string;
}

/** The body the agency belongs to, printed above it: "UBND PHƯỜNG TRÀNG TIỀN". */
export function governingBodyName(agency: DocumentData['agency']): string {
  if (agency.parentName && agency.parentName.trim()) return agency.parentName.trim();
  const unit = agency.unitName.trim();
  return /^(ubnd|ủy ban|uỷ ban)\b/i.test(unit) ? unit : `UBND ${unit}`;
}

/** Largest size not above `max` at which `text` fits `width` on one line. */
function fittedSize(doc: Doc, text: string, font: string, max: number, width: number, min = 7): number {
  let size = max;
  doc.font(font);
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.25;
  return size;
}

function centeredRule(doc: Doc, centerX: number, y: number, length: number): void {
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(centerX - length / 2, y)
    .lineTo(centerX + length / 2, y)
    .stroke()
    .restore();
}

/**
 * The official heading: agency block on the left, the national name and motto on the right, the place and date
 * line, then the form title. Leaves `doc.y` under the title.
 */
export function drawHeader(doc: Doc, data: DocumentData, spec: HeaderSpec): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const leftWidth = Math.round(width * 0.43);
  const rightX = left + leftWidth + 8;
  const rightWidth = width - leftWidth - 8;
  const top = doc.page.margins.top;

  doc
    .font(FONT.bold)
    .fontSize(9.5)
    .text(spec.formNumber, left, top - 16, { width, align: 'right' });

  // Left block: governing body, then the receiving agency in bold.
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .text(upperVn(governingBodyName(data.agency)), left, top, { width: leftWidth, align: 'center' });
  doc
    .font(FONT.bold)
    .fontSize(10.5)
    .text(upperVn(data.agency.name), left, doc.y + 1, { width: leftWidth, align: 'center' });
  const leftRuleY = doc.y + 3;
  centeredRule(doc, left + leftWidth / 2, leftRuleY, 70);

  // Right block: national name and motto, the motto underlined over its own width.
  const nameSize = fittedSize(doc, NATIONAL_NAME, FONT.bold, 11, rightWidth);
  doc.font(FONT.bold).fontSize(nameSize).text(NATIONAL_NAME, rightX, top, { width: rightWidth, align: 'center' });
  const mottoSize = fittedSize(doc, NATIONAL_MOTTO, FONT.bold, 12, rightWidth);
  doc
    .font(FONT.bold)
    .fontSize(mottoSize)
    .text(NATIONAL_MOTTO, rightX, doc.y + 1, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString(NATIONAL_MOTTO);
  const rightRuleY = doc.y + 2;
  centeredRule(doc, rightX + rightWidth / 2, rightRuleY, mottoWidth);

  // Place and date, under the right block.
  const dateLine = `${data.place?.trim() || 'Hà Nội'}, ${formatDateVn(spec.issuedAt, 'issue time')}`;
  const dateY = Math.max(leftRuleY, rightRuleY) + 8;
  doc.font(FONT.italic).fontSize(11).text(dateLine, rightX, dateY, { width: rightWidth, align: 'center' });

  // Title.
  // Shrink a long title a little rather than break it; very long ones still wrap.
  const titleSize = fittedSize(doc, spec.title, FONT.bold, 14, width, 12);
  doc
    .font(FONT.bold)
    .fontSize(titleSize)
    .text(spec.title, left, doc.y + 20, { width, align: 'center', lineGap: 2 });
  doc.font(FONT.regular).fontSize(11);
  doc.x = left;
  gap(doc, 4);
}

/** "Mã hồ sơ: 001.22.22.H26-261125-0001", centred under the title. */
export function drawDossierCode(doc: Doc, dossierCode: string): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  doc.font(FONT.regular).fontSize(12);
  const label = 'Mã hồ sơ: ';
  doc.font(FONT.bold);
  const codeWidth = doc.widthOfString(dossierCode);
  doc.font(FONT.regular);
  const labelWidth = doc.widthOfString(label);
  const x = left + (width - labelWidth - codeWidth) / 2;
  const y = doc.y;
  const baseline = alignedBaseline(12);
  doc.text(label, x, y, { lineBreak: false, baseline });
  doc.font(FONT.bold).text(dossierCode, x + labelWidth, y, { lineBreak: false, baseline });
  doc.font(FONT.regular).fontSize(11);
  doc.x = left;
  doc.y = y + 12 * 1.3 + 8;
}
