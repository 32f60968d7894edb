import { readFileSync } from 'fs';
import { join } from 'path';
import { mapNationalRecord } from './national-record-mapping';
import { workingTimeOf } from './national-processing-time';
import type { NationalProcedure } from './national-procedure';

/**
 * Expected values are read by hand from the records in sample-records/ (copies of the data folder's records of the
 * same code). Variants change one thing of a real record to reach a rule no sample hits.
 */
const record = (code: string): any => JSON.parse(readFileSync(join(__dirname, 'sample-records', `${code}.json`), 'utf8'));
const accepted = (raw: unknown): NationalProcedure => {
  const m = mapNationalRecord(raw);
  if (!m.ok) throw new Error(`rejected: ${m.reason}`);
  return m.procedure;
};
const rejected = (raw: unknown) => {
  const m = mapNationalRecord(raw);
  if (m.ok) throw new Error(`accepted ${m.procedure.code}`);
  return m;
};

describe('mapNationalRecord: accepted records', () => {
  it('2.000635 (civil-status copies): ward and province, OTHER → the cases, the longest online case, 8.000 đ charge', () => {
    const p = accepted(record('2.000635'));
    expect(p).toMatchObject({
      code: '2.000635',
      name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
      field: 'Hộ tịch',
      fieldCode: 'G15-TP07',
      receivingLevels: ['commune', 'city'],
      decidingLevel: 'city',
      onlineLevel: 3,
      // cases: 1 DAY, 1 WORKING_DAY, 1 WORKING_DAY, 15 WORKING_DAY; every channel is OTHER
      processingTime: { workingDays: 15 },
      fees: [{ code: 'FEE_1', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: 8000, payment: 'before' }],
      resultName: 'Bản sao Trích lục hộ tịch, bản sao giấy khai sinh',
    });
    expect(p.national.processingTimes).toHaveLength(12); // 3 channels × 4 cases
    expect(p.national.processingTimes.filter((t) => t.channel === 'online').map((t) => t.workingDays)).toEqual([1, 1, 1, 15]);
    expect(p.national.processingTimes[0]).toMatchObject({ channel: 'online', workingDays: 1, published: { value: 1, unit: 'DAY' } });
    expect(p.national.feesByChannel.map((c) => [c.channel, c.fees.map((f) => f.amountVnd)])).toEqual([
      ['online', [8000]],
      ['post', [8000]],
      ['direct', [8000]],
    ]);
    expect(p.components).toHaveLength(25);
    expect(p.components.find((c) => c.code === '000.00.00.G15-KQ003984')).toMatchObject({ originals: 1, certifiedCopies: 1, photocopies: 0, required: false });
    expect(p.legalBasis).toHaveLength(15);
    expect(p.legalBasis).toContain('Luật 60/2014/QH13');
  });

  it('2.001159 (residence notice): 1 working hour, end-to-end (isFullProcess), no fee, one component', () => {
    const p = accepted(record('2.001159'));
    expect(p).toMatchObject({
      code: '2.001159',
      name: 'Thông báo lưu trú',
      field: 'Đăng ký, quản lý cư trú',
      receivingLevels: ['commune'],
      decidingLevel: 'commune',
      onlineLevel: 4,
      processingTime: { workingHours: 1 },
      fees: [],
      resultName: 'Cập nhật thông tin trong Cơ sở dữ liệu về cư trú',
    });
    expect(p.components).toEqual([expect.objectContaining({ code: '000.00.00.G01-KQ002884', originals: 1, certifiedCopies: 0 })]);
    expect(p.national.processingTimes.map((t) => [t.channel, t.workingHours])).toEqual([
      ['online', 1],
      ['direct', 1],
    ]);
  });

  it('1.115563 (land-debt deletion): 15 HOUR on all three channels, no papers listed', () => {
    const p = accepted(record('1.115563'));
    expect(p).toMatchObject({ processingTime: { workingHours: 15 }, components: [], fees: [], field: 'Đất đai', resultName: 'Giấy chứng nhận.' });
  });

  it('1.009122 with only its "công trình" entries (15 calendar days, 100.000 đ): 10 working days, 19 papers over three cases', () => {
    const raw = record('1.009122');
    raw.data.executionMethods = raw.data.executionMethods.filter((m: any) => m.processingTime === 15);
    const p = accepted(raw);
    expect(p).toMatchObject({ processingTime: { workingDays: 10 }, receivingLevels: ['commune'], field: 'Hoạt động xây dựng', resultName: 'Giấy phép.' });
    expect(p.fees.map((f) => f.amountVnd)).toEqual([100000]);
    expect(p.components).toHaveLength(19); // 22 listed, KQ2019, KQ2010 and KQ2031 twice
    expect(p.components.find((c) => c.code === '000.00.00.H17-KQ2019')).toMatchObject({ originals: 2, certifiedCopies: 2 }); // first case's counts
  });

  it('a charge and a fee on one channel are both owed (as our seed charges 50.000 đ lệ phí and 100.000 đ phí for 2.001610)', () => {
    const raw = record('2.001159');
    for (const m of raw.data.executionMethods)
      m.fees = [
        { type: 'FEE', value: 50000, description: 'Lệ phí đăng ký doanh nghiệp' },
        { type: 'SERVICE_FEE', value: 100000, description: '' },
      ];
    expect(accepted(raw).fees.map((f) => [f.code, f.kind, f.amountVnd])).toEqual([
      ['FEE_1', 'charge', 50000],
      ['SERVICE_FEE_2', 'fee', 100000],
    ]);
  });

  it('a fee without an amount is a note, not a rule; so is a 0 with a text (1.013225 writes 0 for "set by the council"); a free one is nothing', () => {
    const raw = record('2.001159');
    raw.data.executionMethods[0].fees = [
      { type: 'FEE', value: null, description: 'Hội đồng nhân dân cấp tỉnh quy định.' },
      { type: 'FEE', value: 0, description: 'Theo quy định của Hội đồng nhân dân cấp tỉnh' },
      { type: 'SERVICE_FEE', value: 0, description: 'Miễn phí' },
      { type: 'SERVICE_FEE', value: 0, description: '' },
    ];
    const p = accepted(raw);
    expect(p.fees).toEqual([]);
    expect(p.national.feeNotes).toEqual([
      { channel: 'online', kind: 'charge', text: 'Hội đồng nhân dân cấp tỉnh quy định.' },
      { channel: 'online', kind: 'charge', text: 'Theo quy định của Hội đồng nhân dân cấp tỉnh' },
    ]);
  });
});

describe('mapNationalRecord: rejected records, with the reason', () => {
  const variant = (code: string, change: (d: any) => void) => {
    const raw = record(code);
    change(raw.data);
    return raw;
  };
  it.each<[string, () => unknown, RegExp]>([
    [
      '2.001610: the online fee reads 100 VND for 100.000 (known source error)',
      () => record('2.001610'),
      /fees\[0\] \(ONLINE\) reads 100 VND, implausibly small/,
    ],
    ['1.115404: a 100 USD fee', () => record('1.115404'), /foreign currency \(USD\)/],
    [
      '1.009122: the cases of a channel carry 100.000 and 50.000 đ',
      () => record('1.009122'),
      /direct channel's cases carry different fees \(charge:100000 \/ charge:50000 VND\)/,
    ],
    [
      '2.000635 without its cases: OTHER and nothing to read the days from',
      () =>
        variant('2.000635', (d) => {
          d.cases = [];
        }),
      /executionMethods\[0\] \(ONLINE\) gives its time as "0" \(OTHER\) and no cases/,
    ],
    [
      '2.001159 as ministry-only',
      () =>
        variant('2.001159', (d) => {
          d.isWard = false;
          d.isMinistry = true;
        }),
      /no ward or province level receives it .*a ministry/,
    ],
    [
      '1.009122 "công trình" with 100.000 online and 100.000.000 direct (×1000)',
      () =>
        variant('1.009122', (d) => {
          d.executionMethods = d.executionMethods.filter((m: any) => m.processingTime === 15);
          d.executionMethods.find((m: any) => m.submissionMethod === 'DIRECT').fees[0].value = 100_000_000;
        }),
      /fee 1 reads 100000 VND on the online channel and 100000000 VND on the direct channel \(×1000\)/,
    ],
    [
      'two charges on one channel, as 1.002755 lists 5.000 and 7.000 đ online (levels, not a sum)',
      () =>
        variant('2.001159', (d) => {
          d.executionMethods[0].fees = [
            { type: 'FEE', value: 5000, description: '' },
            { type: 'FEE', value: 7000, description: '' },
          ];
        }),
      /\(ONLINE\) lists several charges \(lệ phí\) \(5000 \/ 7000 VND\)/,
    ],
    [
      'a fee in dollars named only in its description',
      () =>
        variant('2.001159', (d) => {
          d.executionMethods[0].fees = [{ type: 'FEE', value: 25, description: '25 USD/lần' }];
        }),
      /foreign currency/,
    ],
    [
      'a fractional fee',
      () =>
        variant('2.001159', (d) => {
          d.executionMethods[0].fees = [{ type: 'FEE', value: 1500.5 }];
        }),
      /1500.5 is not a whole/,
    ],
    [
      'a processing time of 0 working days',
      () =>
        variant('2.001159', (d) => {
          d.executionMethods[0].processingTime = 0;
          d.executionMethods[0].processingTimeUnit = 'WORKING_DAY';
        }),
      /processing time 0 WORKING_DAY/,
    ],
    [
      'an unknown channel',
      () =>
        variant('2.001159', (d) => {
          d.executionMethods[0].submissionMethod = 'KIOSK';
        }),
      /submissionMethod "KIOSK"/,
    ],
    [
      'no field',
      () =>
        variant('2.001159', (d) => {
          d.categoriesDetails = [];
        }),
      /names no field/,
    ],
    [
      'no name',
      () =>
        variant('2.001159', (d) => {
          d.name = '  ';
        }),
      /no name/,
    ],
    [
      'a code that is not national',
      () =>
        variant('2.001159', (d) => {
          d.code = '../etc';
        }),
      /not a national procedure code/,
    ],
    ['the portal answered an error', () => ({ ...record('2.001159'), code: 'NOT_FOUND', message: 'Không tìm thấy' }), /answered "NOT_FOUND"/],
    ['no data object', () => ({ code: 'OK', message: 'OK' }), /no "data" object/],
    ['not an object', () => [1, 2], /not a JSON object/],
  ])('%s', (_name, raw, reason) => {
    expect(rejected(raw()).reason).toMatch(reason);
  });

  it("the rejected row names the record's code", () => {
    expect(rejected(record('2.001610')).code).toBe('2.001610');
  });
});

describe('workingTimeOf: published units as statutory working time', () => {
  it.each<[number, string, ReturnType<typeof workingTimeOf>]>([
    [3, 'WORKING_DAY', { workingDays: 3 }],
    [7.5, 'WORKING_DAY', { workingDays: 7.5 }],
    [15, 'HOUR', { workingHours: 15 }],
    [15, 'DAY', { workingDays: 10 }], // 15 × 5/7 = 10.7
    [10, 'DAY', { workingDays: 7 }], // 7.1
    [1, 'DAY', { workingDays: 1 }], // never less than one
    [2, 'MONTH', { workingDays: 42 }], // 60 days × 5/7 = 42.9
    [0, 'WORKING_DAY', null],
    [3, 'OTHER', null],
    [3, 'YEAR', null],
  ])('%p %s', (value, unit, expected) => {
    expect(workingTimeOf(value, unit)).toEqual(expected);
  });
});
