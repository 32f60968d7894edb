import { formatDateVn, formatShortVn, formatTimeDateVn, formatVnd } from './vn-format';
import { DocumentDataError } from './document-data-error';
import { fontPaths } from './fonts';
import { existsSync } from 'node:fs';

describe('vn-format', () => {
  it('writes dates the administrative way, in Hà Nội time', () => {
    expect(formatDateVn('2026-11-27T10:30:00+07:00')).toBe('ngày 27 tháng 11 năm 2026');
    expect(formatDateVn('2026-01-05T09:00:00+07:00')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatDateVn('2026-03-09T09:00:00+07:00')).toBe('ngày 09 tháng 3 năm 2026');
    expect(formatDateVn('2026-12-31T17:00:00Z')).toBe('ngày 01 tháng 01 năm 2027');
  });

  it('writes times as "… giờ … phút, ngày …"', () => {
    expect(formatTimeDateVn('2026-11-27T03:05:00Z')).toBe('10 giờ 05 phút, ngày 27 tháng 11 năm 2026');
    expect(formatShortVn('2026-11-25T14:05:00+07:00')).toBe('14:05 25/11/2026');
  });

  it('rejects a time that is not ISO 8601', () => {
    expect(() => formatDateVn('25/11/2026', 'dueAt')).toThrow(DocumentDataError);
    expect(() => formatDateVn('25/11/2026', 'dueAt')).toThrow(/dueAt/);
  });

  it('formats amounts in đồng with dot separators', () => {
    expect(formatVnd(0)).toBe('0 đồng');
    expect(formatVnd(8000)).toBe('8.000 đồng');
    expect(formatVnd(1250000)).toBe('1.250.000 đồng');
  });

  it('finds the embedded fonts in node_modules', () => {
    for (const path of Object.values(fontPaths())) expect(existsSync(path)).toBe(true);
  });
});
