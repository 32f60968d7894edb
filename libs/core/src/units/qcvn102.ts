/**
 * Electronic identifiers of agencies in the shape of QCVN 102:2016/BTTTT (structure of the identifier of an agency):
 * four groups separated by dots, the lowest level first and the level-1 group last, `L4.L3.L2.L1`, 13 characters.
 *
 * - L1, the level-1 body (a ministry, a province): one capital letter and two digits 01–99 (`G01`, `H26` Hà Nội).
 * - L2 and L3: two digits each; L4: three digits. A group of zeros means the agency is not at that level.
 * - A lower level is numbered inside its parent, so every level above a non-zero group is non-zero too:
 *   `000.17.22.H26` is level 3 under `000.00.22.H26`, while `000.17.00.H26` names no parent and is no identifier.
 *
 * (Decision 20/2020/QĐ-TTg later wrote the groups highest level first; every identifier this system stores, prints and
 * pushes keeps QCVN 102:2016's order, province group last.)
 */
const SHAPE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$/;

export type IdentifierLevel = 1 | 2 | 3 | 4;

export interface Qcvn102Identifier {
  l4: string;
  l3: string;
  l2: string;
  /** The level-1 group, e.g. "H26". */
  l1: string;
  /** The lowest level with a non-zero group. */
  level: IdentifierLevel;
}

const zero = (group: string) => /^0+$/.test(group);

/** Why a value is not an identifier in the QCVN 102:2016 shape; null when it is one. */
export function qcvn102Problem(value: string): string | null {
  const m = SHAPE.exec(value);
  if (!m)
    return 'must have the QCVN 102:2016 shape NNN.NN.NN.XNN: three, two and two digits and a capital letter with two digits, separated by dots (e.g. 000.00.12.H26)';
  const [, l4, l3, l2, , l1Number] = m;
  if (zero(l1Number)) return 'the level-1 group (last) must be a letter followed by 01–99';
  if (!zero(l3) && zero(l2)) return 'names a level-3 agency with no level-2 parent (the third group is 00)';
  if (!zero(l4) && (zero(l3) || zero(l2))) return 'names a level-4 agency with no level-3 or level-2 parent (a middle group is 00)';
  return null;
}

export function parseQcvn102(value: string): Qcvn102Identifier | null {
  if (qcvn102Problem(value) !== null) return null;
  const [l4, l3, l2, l1] = value.split('.');
  const level: IdentifierLevel = !zero(l4) ? 4 : !zero(l3) ? 3 : !zero(l2) ? 2 : 1;
  return { l4, l3, l2, l1, level };
}

/** The identifier of the parent level (the lowest non-zero group set to zeros); null for a level-1 body. */
export function qcvn102Parent(value: string): string | null {
  const id = parseQcvn102(value);
  if (!id || id.level === 1) return null;
  if (id.level === 4) return `000.${id.l3}.${id.l2}.${id.l1}`;
  if (id.level === 3) return `000.00.${id.l2}.${id.l1}`;
  return `000.00.00.${id.l1}`;
}
