import { batchJobId, groupRows, type RelayedRow } from './outbox-relay';

const row = (id: string, priority: number): RelayedRow => ({
  id,
  topic: 'sms',
  kind: priority === 1 ? 'otp' : 'dossier_received',
  priority,
  dossier_code: null,
  payload: {},
});

describe('groupRows: the jobs a relay batch becomes', () => {
  const rows = [row('a', 1), row('b', 5), row('c', 1), row('d', 5), row('e', 5), row('f', 1)];
  const shape = (groups: ReturnType<typeof groupRows>) => groups.map((g) => ({ ids: g.rows.map((r) => r.id).join(''), priority: g.priority, delay: g.delay }));

  it.each([
    [
      'one row per job keeps every row alone, in order',
      new Map<string, number>(),
      1,
      [
        { ids: 'a', priority: 1, delay: 0 },
        { ids: 'c', priority: 1, delay: 0 },
        { ids: 'f', priority: 1, delay: 0 },
        { ids: 'b', priority: 5, delay: 0 },
        { ids: 'd', priority: 5, delay: 0 },
        { ids: 'e', priority: 5, delay: 0 },
      ],
    ],
    [
      'OTPs never share a job with notices, so they keep jumping the queue',
      new Map<string, number>(),
      50,
      [
        { ids: 'acf', priority: 1, delay: 0 },
        { ids: 'bde', priority: 5, delay: 0 },
      ],
    ],
    [
      'a full job starts another',
      new Map<string, number>(),
      2,
      [
        { ids: 'ac', priority: 1, delay: 0 },
        { ids: 'f', priority: 1, delay: 0 },
        { ids: 'bd', priority: 5, delay: 0 },
        { ids: 'e', priority: 5, delay: 0 },
      ],
    ],
    [
      'notices held by quiet hours go in their own delayed job',
      new Map([
        ['d', 60_000],
        ['e', 60_000],
      ]),
      50,
      [
        { ids: 'acf', priority: 1, delay: 0 },
        { ids: 'b', priority: 5, delay: 0 },
        { ids: 'de', priority: 5, delay: 60_000 },
      ],
    ],
  ])('%s', (_name, delays, size, expected) => {
    expect(shape(groupRows(rows, delays, size))).toEqual(expected);
  });

  it('priority 0 is queued as 1 (BullMQ priorities start at 1)', () => {
    expect(groupRows([row('z', 0)], new Map(), 10)[0].priority).toBe(1);
  });
});

describe('batchJobId', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], true],
    [['a'], ['a', 'b', 'c'], false], // a row relayed alone, then again at the head of a bigger group after a lost commit
    [['a', 'b'], ['b', 'a'], false],
    [['a', 'b'], ['a', 'c'], false],
  ])('%p and %p share an id: %p', (x, y, same) => {
    expect(batchJobId(x) === batchJobId(y)).toBe(same);
  });
});
