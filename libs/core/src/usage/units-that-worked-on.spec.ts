import { agenciesThatWorkedOn, unitsThatWorkedOn, type MeteredEvent } from './units-that-worked-on';

// Phường Phúc Xá (00001) desk and justice office, Quận Ba Đình (001) desk and urban office, the Department of Justice (01).
const PX_DESK = '001.21.21.H26';
const PX_JUSTICE = '002.21.21.H26';
const BD_DESK = '000.01.21.H26';
const BD_URBAN = '000.03.21.H26';
const STP = '000.00.01.H26';
const UNIT: Record<string, string> = { [PX_DESK]: '00001', [PX_JUSTICE]: '00001', [BD_DESK]: '001', [BD_URBAN]: '001', [STP]: '01' };

const FROM = new Date('2026-02-28T17:00:00Z'); // 1 March 2026 00:00 in Hà Nội
const TO = new Date('2026-03-31T17:00:00Z'); // 1 April 2026 00:00 in Hà Nội
const ev = (action: string, at: string, fromAgencyCode: string | null, toAgencyCode: string): MeteredEvent => ({
  action,
  at: new Date(at),
  fromAgencyCode,
  toAgencyCode,
});

describe('agenciesThatWorkedOn / unitsThatWorkedOn', () => {
  it.each<[string, MeteredEvent[], string[], string[]]>([
    [
      'submitted and accepted at the commune',
      [ev('submit', '2026-03-02T02:00:00Z', null, PX_DESK), ev('accept', '2026-03-02T03:00:00Z', PX_DESK, PX_JUSTICE)],
      [PX_DESK, PX_JUSTICE],
      ['00001'],
    ],
    [
      'received at the commune and transferred to the district: both',
      [ev('accept', '2026-03-03T02:00:00Z', PX_DESK, PX_JUSTICE), ev('transfer', '2026-03-05T02:00:00Z', PX_JUSTICE, BD_URBAN)],
      [PX_DESK, PX_JUSTICE, BD_URBAN],
      ['00001', '001'],
    ],
    [
      'only the transfer in the period: the giver and the receiver',
      [ev('accept', '2026-02-10T02:00:00Z', PX_DESK, PX_JUSTICE), ev('transfer', '2026-03-10T02:00:00Z', PX_JUSTICE, BD_URBAN)],
      [PX_JUSTICE, BD_URBAN],
      ['00001', '001'],
    ],
    [
      'worked on at the district only in the period (the commune had it before)',
      [ev('transfer', '2026-02-20T02:00:00Z', PX_JUSTICE, BD_URBAN), ev('propose', '2026-03-11T02:00:00Z', BD_URBAN, BD_URBAN)],
      [BD_URBAN],
      ['001'],
    ],
    [
      'every event before or after the period: nobody',
      [ev('submit', '2026-02-28T16:59:59.999Z', null, PX_DESK), ev('accept', '2026-03-31T17:00:00Z', PX_DESK, PX_JUSTICE)],
      [],
      [],
    ],
    [
      'an event at the first instant of the period counts, the period end does not',
      [ev('accept', '2026-02-28T17:00:00Z', PX_DESK, PX_JUSTICE), ev('transfer', '2026-03-31T17:00:00Z', PX_JUSTICE, BD_URBAN)],
      [PX_DESK, PX_JUSTICE],
      ['00001'],
    ],
    ['a reorganisation re-routes without anyone working on it', [ev('reorganize', '2026-03-15T02:00:00Z', PX_JUSTICE, BD_URBAN)], [], []],
    [
      'district to a city department',
      [ev('accept', '2026-03-04T02:00:00Z', BD_DESK, BD_URBAN), ev('transfer', '2026-03-06T02:00:00Z', BD_URBAN, STP)],
      [BD_DESK, BD_URBAN, STP],
      ['001', '01'],
    ],
    [
      'many events at one unit count it once',
      [
        ev('accept', '2026-03-02T02:00:00Z', PX_DESK, PX_JUSTICE),
        ev('assign', '2026-03-02T03:00:00Z', PX_JUSTICE, PX_JUSTICE),
        ev('propose', '2026-03-03T03:00:00Z', PX_JUSTICE, PX_JUSTICE),
        ev('approve', '2026-03-04T03:00:00Z', PX_JUSTICE, PX_DESK),
      ],
      [PX_DESK, PX_JUSTICE],
      ['00001'],
    ],
    ['an agency of no known unit is not counted', [ev('transfer', '2026-03-05T02:00:00Z', PX_JUSTICE, 'GEN')], [PX_JUSTICE, 'GEN'], ['00001']],
  ])('%s', (_label, events, agencies, units) => {
    expect([...agenciesThatWorkedOn(events, FROM, TO)].sort()).toEqual([...agencies].sort());
    expect([...unitsThatWorkedOn(events, FROM, TO, (a) => UNIT[a])].sort()).toEqual([...units].sort());
  });
});
