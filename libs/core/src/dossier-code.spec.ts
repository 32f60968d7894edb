import { formatDossierCode, isDossierCode } from './dossier-code';

describe('formatDossierCode', () => {
  it.each([
    ['000.00.12.H26', '2026-11-23T03:00:00Z', 1, '000.00.12.H26-261123-0001'],
    ['001.35.22.H26', '2026-11-23T16:59:59Z', 42, '001.35.22.H26-261123-0042'],
    // 17:00 UTC is already the next day in Hà Nội
    ['001.35.22.H26', '2026-11-23T17:00:00Z', 7, '001.35.22.H26-261124-0007'],
    ['000.00.01.H26', '2026-01-01T00:00:00Z', 9999, '000.00.01.H26-260101-9999'],
    ['000.00.01.H26', '2026-01-01T00:00:00Z', 10000, '000.00.01.H26-260101-10000'],
  ])('%s at %s #%d → %s', (agency, at, n, expected) => {
    const code = formatDossierCode(agency, new Date(at), n);
    expect(code).toBe(expected);
    expect(isDossierCode(code)).toBe(true);
  });

  it.each([0, -1, 1.5])('refuses sequence %d', (n) => {
    expect(() => formatDossierCode('000.00.01.H26', new Date(), n)).toThrow();
  });

  it.each(['', 'abc', '000.00.01.H26-2601-0001', '000.00.01.H26-260101-001'])('%j is not a dossier code', (s) => {
    expect(isDossierCode(s)).toBe(false);
  });
});
