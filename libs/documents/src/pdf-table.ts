import { FONT } from './fonts';
import { contentBottom, contentLeft, contentWidth } from './pdf-layout';

type Doc = PDFKit.PDFDocument;

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the content width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  size?: number;
  padding?: number;
  /** Printed as a single spanning row when there are no rows. */
  emptyText?: string;
}

/**
 * A ruled table across the content width. Rows never split: a row that does not fit goes to the next page, where
 * the header row is repeated. Leaves `doc.y` under the table.
 */
export function drawTable(doc: Doc, columns: TableColumn[], rows: string[][], opts: TableOptions = {}): void {
  const size = opts.size ?? 10;
  const pad = opts.padding ?? 4;
  const left = contentLeft(doc);
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.weight) / total);

  const rowHeight = (cells: string[], font: string): number => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * pad, lineGap: 1 }))) + 2 * pad;
  };

  const drawRow = (cells: string[], font: string, y: number, height: number, shaded: boolean): void => {
    let x = left;
    cells.forEach((cell, i) => {
      if (shaded) doc.save().rect(x, y, widths[i], height).fill('#eeeeee').restore();
      doc.save().lineWidth(0.6).rect(x, y, widths[i], height).stroke().restore();
      const align = shaded ? 'center' : (columns[i].align ?? 'left');
      doc
        .font(font)
        .fontSize(size)
        .fillColor('black')
        .text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, align, lineGap: 1 });
      x += widths[i];
    });
  };

  const headerCells = columns.map((c) => c.header);
  const headerHeight = rowHeight(headerCells, FONT.bold);
  const body = rows.length > 0 ? rows : null;
  const firstHeight = body ? rowHeight(body[0], FONT.regular) : size * 2 + 2 * pad;

  if (doc.y + headerHeight + firstHeight > contentBottom(doc)) doc.addPage();
  let y = doc.y;
  drawRow(headerCells, FONT.bold, y, headerHeight, true);
  y += headerHeight;

  if (!body) {
    const width = widths.reduce((s, w) => s + w, 0);
    doc.save().lineWidth(0.6).rect(left, y, width, firstHeight).stroke().restore();
    doc
      .font(FONT.italic)
      .fontSize(size)
      .text(opts.emptyText ?? '', left + pad, y + pad, { width: width - 2 * pad, align: 'center' });
    y += firstHeight;
  } else {
    for (const row of body) {
      const height = rowHeight(row, FONT.regular);
      if (y + height > contentBottom(doc)) {
        doc.addPage();
        y = doc.y;
        drawRow(headerCells, FONT.bold, y, headerHeight, true);
        y += headerHeight;
      }
      drawRow(row, FONT.regular, y, height, false);
      y += height;
    }
  }

  doc.font(FONT.regular).fontSize(11);
  doc.x = left;
  doc.y = y + 8;
}
