import { validateSync } from 'class-validator';
import { IsIsoDate, IsIsoInstant } from './date-validators';

class Probe {
  @IsIsoInstant() at: unknown;
  @IsIsoDate() day: unknown;
}

const errorsFor = (at: unknown, day: unknown) => validateSync(Object.assign(new Probe(), { at, day })).map((e) => e.property);

describe('IsIsoInstant', () => {
  it.each(['2026-11-01T00:00:00+07:00', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00.123Z', '2026-11-01', '1900-01-01T00:00:00Z'])('%s is a time', (at) => {
    expect(errorsFor(at, '2026-11-01')).toEqual([]);
  });

  it.each([
    '20261101',
    '2026-W48-3',
    '2026-02-30',
    '2026-02-29T00:00:00Z',
    '2026-11-01T25:00:00Z',
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2026-11-01 10:00',
    'now',
    '',
    20261101,
    null,
  ])('%j is not', (at) => {
    expect(errorsFor(at, '2026-11-01')).toEqual(['at']);
  });
});

describe('IsIsoDate', () => {
  it.each(['2026-11-01', '2028-02-29', '1900-01-01', '2100-12-31'])('%s is a day', (day) => {
    expect(errorsFor('2026-11-01T00:00:00Z', day)).toEqual([]);
  });

  it.each(['2025-99-99', '2026-02-30', '2027-02-29', '0000-01-01', '2101-01-01', '2026-11-01T00:00:00Z', '20261101', 'x', 5])('%j is not', (day) => {
    expect(errorsFor('2026-11-01T00:00:00Z', day)).toEqual(['day']);
  });
});
