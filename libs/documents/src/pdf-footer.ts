import QRCode from 'qrcode';
import { FONT } from './fonts';
import { contentLeft, contentWidth } from './pdf-layout';

type Doc = PDFKit.PDFDocument;

export const QR_CAPTION = 'Tra cứu hồ sơ';
export const VERIFY_QR_CAPTION = 'Xác thực văn bản điện tử';
const QR_SIZE = 66;

/** The tracking QR code as a PNG (140 px, one-module quiet zone). */
export function trackingQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', margin: 1, width: 140, errorCorrectionLevel: 'M' });
}

/**
 * On every buffered page: a rule, the QR code with its caption and the tracking URL, and "Trang i/n" when there is
 * more than one page. Draws in the bottom margin band, which is why the margin is lifted while drawing.
 */
export function drawFooters(doc: Doc, qrPng: Buffer, trackingUrl: string, dossierCode: string, caption = QR_CAPTION): void {
  // One image object shared by all pages (pdfkit embeds a Buffer anew on each call).
  const qr = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(qrPng) as PDFKit.Mixins.ImageSrc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;

    const left = contentLeft(doc);
    const width = contentWidth(doc);
    const top = doc.page.height - savedBottom + 14;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#888888')
      .moveTo(left, top - 6)
      .lineTo(left + width, top - 6)
      .stroke()
      .restore();

    doc.image(qr, left, top, { width: QR_SIZE, height: QR_SIZE });
    const textX = left + QR_SIZE + 10;
    const textWidth = width - QR_SIZE - 10;
    const pageLabelWidth = 70;
    doc
      .font(FONT.bold)
      .fontSize(9.5)
      .fillColor('black')
      .text(caption, textX, top + 10, { width: textWidth - pageLabelWidth, lineBreak: false });
    if (range.count > 1) {
      doc
        .font(FONT.italic)
        .fontSize(9)
        .text(`Trang ${i - range.start + 1}/${range.count}`, left + width - pageLabelWidth, top + 10, {
          width: pageLabelWidth,
          align: 'right',
          lineBreak: false,
        });
    }
    // The URL on one line (shrunk if need be): a break at its hyphens would garble it for readers and extractors.
    let urlSize = 8.5;
    doc.font(FONT.regular);
    while (urlSize > 5.5 && doc.fontSize(urlSize).widthOfString(trackingUrl) > textWidth) urlSize -= 0.25;
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .text('Quét mã QR hoặc truy cập:', textX, top + 26, { width: textWidth, lineBreak: false });
    doc
      .fontSize(urlSize)
      .fillColor('#1a4f9c')
      .text(trackingUrl, textX, top + 38, { width: textWidth, lineBreak: false, link: trackingUrl });
    doc
      .fillColor('black')
      .fontSize(8.5)
      .text(`Mã hồ sơ: ${dossierCode}`, textX, top + 51, { width: textWidth, lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
}
