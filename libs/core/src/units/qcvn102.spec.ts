import { parseQcvn102, qcvn102Parent, qcvn102Problem } from './qcvn102';

// Cases from the structure QCVN 102:2016/BTTTT gives the identifier (L4.L3.L2.L1: 3, 2, 2 digits and a level-1 group of
// a capital letter and 01–99; a zero group = not at that level; a level is numbered inside its parent), and the
// identifiers domain.md names: 000.00.00.H26 (Hà Nội People's Committee), 000.00.12.H26, 000.17.22.H26.
describe('qcvn102Problem', () => {
  it.each([
    ['000.00.00.H26', 1],
    ['000.00.00.G01', 1],
    ['000.00.12.H26', 2],
    ['000.17.22.H26', 3],
    ['001.35.22.H26', 4],
    ['999.99.99.Z99', 4],
  ])('%s is an identifier of level %d', (value, level) => {
    expect(qcvn102Problem(value)).toBeNull();
    expect(parseQcvn102(value)?.level).toBe(level);
  });

  it.each([
    ['', /shape/],
    ['000.00.00', /shape/],
    ['00.00.00.H26', /shape/],
    ['0000.00.00.H26', /shape/],
    ['000.000.00.H26', /shape/],
    ['000-00-00-H26', /shape/],
    ['000.00.00.h26', /shape/],
    ['000.00.00.126', /shape/],
    ['000.00.00.HH6', /shape/],
    ['000.00.00.H2', /shape/],
    ['000.00.00.H260', /shape/],
    ['000.00.0a.H26', /shape/],
    [' 000.00.00.H26', /shape/],
    ['000.00.00.H26\n', /shape/],
    ['０００.00.00.H26', /shape/],
    ['H26.22.35.001', /shape/],
    ['000.00.00.H00', /level-1/],
    ['000.17.00.H26', /level-3 agency with no level-2 parent/],
    ['001.00.22.H26', /level-4 agency/],
    ['001.35.00.H26', /no level-2 parent/],
    ['001.00.00.H26', /level-4 agency/],
  ])('%j is refused (%s)', (value, reason) => {
    expect(qcvn102Problem(value)).toMatch(reason);
    expect(parseQcvn102(value)).toBeNull();
  });
});

describe('qcvn102Parent', () => {
  it.each([
    ['001.35.22.H26', '000.35.22.H26'],
    ['000.35.22.H26', '000.00.22.H26'],
    ['000.00.22.H26', '000.00.00.H26'],
    ['000.00.00.H26', null],
    ['000.17.00.H26', null],
  ])('%s → %s', (value, parent) => {
    expect(qcvn102Parent(value)).toBe(parent);
  });
});
