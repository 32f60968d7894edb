import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Serif (npm `dejavu-fonts-ttf`): a TrueType serif with complete Vietnamese coverage, close to the
 * Times-style face of administrative documents. Resolved from node_modules at run time; `createRequire` (rather
 * than `require.resolve`) keeps bundlers from turning the lookup into a module id.
 */
const nodeRequire = createRequire(__filename);

export const FONT = { regular: 'DvcSerif', bold: 'DvcSerif-Bold', italic: 'DvcSerif-Italic' } as const;
export type FontRole = keyof typeof FONT;

const FILES: Record<FontRole, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf',
};

/**
 * DejaVu Serif's ascent (1901/2048 em; the bold face's is 1923). pdfkit places a run by its top, so runs in
 * different faces on one line get slightly different baselines; passing `baseline: alignedBaseline(size)` puts them
 * all on the regular face's baseline (visually exact, and text extractors then see one line).
 */
const REGULAR_ASCENT_EM = 1901 / 2048;

export function alignedBaseline(size: number): number {
  return -REGULAR_ASCENT_EM * size;
}

let loaded: Record<FontRole, Buffer> | undefined;

export function fontPaths(): Record<FontRole, string> {
  return {
    regular: nodeRequire.resolve(FILES.regular),
    bold: nodeRequire.resolve(FILES.bold),
    italic: nodeRequire.resolve(FILES.italic),
  };
}

function fontData(): Record<FontRole, Buffer> {
  if (!loaded) {
    const paths = fontPaths();
    loaded = { regular: readFileSync(paths.regular), bold: readFileSync(paths.bold), italic: readFileSync(paths.italic) };
  }
  return loaded;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const data = fontData();
  for (const role of Object.keys(FONT) as FontRole[]) doc.registerFont(FONT[role], data[role]);
  doc.font(FONT.regular);
}
