import { decodeListCursor, encodeListCursor } from './list-cursor';

const ID = '08264b44-5d96-4280-b2be-98b6d195ab19';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const json = (value: unknown) => b64(JSON.stringify(value));

describe('encodeListCursor', () => {
  it('is base64url of [ISO instant | null, id]', () => {
    expect(encodeListCursor(new Date('2026-12-01T02:30:00Z'), ID)).toBe(b64(`["2026-12-01T02:30:00.000Z","${ID}"]`));
    expect(encodeListCursor(null, ID)).toBe(b64(`[null,"${ID}"]`));
  });
});

describe('decodeListCursor', () => {
  it.each([
    ['a due-time cursor', json(['2026-12-01T02:30:00.000Z', ID]), 'due', { key: '2026-12-01T02:30:00.000Z', id: ID }],
    ['a submission-time cursor', json(['2026-12-01T02:30:00.000Z', ID]), 'submission', { key: '2026-12-01T02:30:00.000Z', id: ID }],
    ['no due date yet (worklist)', json([null, ID]), 'due', { key: null, id: ID }],
    ['the last day Date and the 4-digit form reach', json(['9999-12-31T23:59:59.999Z', ID]), 'due', { key: '9999-12-31T23:59:59.999Z', id: ID }],
    ['29 February of a leap year', json(['2028-02-29T00:00:00.000Z', ID]), 'due', { key: '2028-02-29T00:00:00.000Z', id: ID }],
  ])('%s → decoded', (_label, cursor, order, expected) => {
    expect(decodeListCursor(cursor, order as 'due' | 'submission')).toEqual(expected);
  });

  it.each([
    ['a null key in a citizen list (submission times are never null)', json([null, 'x']), 'submission'],
    ['[null, "x"]: the id is not a uuid', json([null, 'x']), 'due'],
    ['["not-a-date", "x"]', json(['not-a-date', 'x']), 'due'],
    ['"not-a-date" with a real id', json(['not-a-date', ID]), 'due'],
    ['a non-uuid id', json(['2026-12-01T02:30:00.000Z', '1; DROP TABLE dossiers']), 'due'],
    ['an id of 31 hex digits', json(['2026-12-01T02:30:00.000Z', ID.slice(0, -1)]), 'due'],
    ['year 9999999', json(['9999999-01-01T00:00:00.000Z', ID]), 'due'],
    ['year +275760 (Date reads it, the cursor form does not)', json(['+275760-09-13T00:00:00.000Z', ID]), 'due'],
    ['year 0000 (PostgreSQL has no year 0)', json(['0000-01-01T00:00:00.000Z', ID]), 'due'],
    ['30 February', json(['2026-02-30T00:00:00.000Z', ID]), 'due'],
    ['hour 25', json(['2026-02-28T25:00:00.000Z', ID]), 'due'],
    ['an offset instead of Z', json(['2026-12-01T09:30:00.000+07:00', ID]), 'due'],
    ['no milliseconds', json(['2026-12-01T02:30:00Z', ID]), 'due'],
    ['a number as key', json([1764556200000, ID]), 'due'],
    ['a number as id', json(['2026-12-01T02:30:00.000Z', 7]), 'due'],
    ['three elements', json(['2026-12-01T02:30:00.000Z', ID, 1]), 'due'],
    ['one element', json([ID]), 'due'],
    ['an object', json({ key: null, id: ID }), 'due'],
    ['JSON null', json(null), 'due'],
    ['not JSON', b64('[null,'), 'due'],
    ['not base64url', 'garbage!', 'due'],
    ['base64 with padding', `${json([null, ID])}==`, 'due'],
    ['a second spelling of the same cursor (spaces)', b64(`[null, "${ID}"]`), 'due'],
    ['empty', '', 'due'],
    ['over 300 characters', 'A'.repeat(301), 'due'],
  ])('%s → refused', (_label, cursor, order) => {
    expect(decodeListCursor(cursor, order as 'due' | 'submission')).toBeNull();
  });

  it('reads back what it encoded', () => {
    const at = new Date('2026-11-25T09:00:00.123Z');
    expect(decodeListCursor(encodeListCursor(at, ID), 'submission')).toEqual({ key: at.toISOString(), id: ID });
    expect(decodeListCursor(encodeListCursor(null, ID), 'due')).toEqual({ key: null, id: ID });
  });
});
