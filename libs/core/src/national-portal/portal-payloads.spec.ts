import { DOSSIER_STATUSES, NATIONAL_STATUS } from '../dossier';
import type { DossierStatus } from '../dossier';
import { buildProgressPayload, buildSyncPayload, supplementHistory, type PortalDossierEvent, type PortalDossierSnapshot } from './portal-payloads';

const AGENCY = '000.00.12.H26';
const DISTRICT = '000.17.22.H26';

let nextId = 0;
function ev(action: string, at: string, toStatus: DossierStatus, extra: Partial<PortalDossierEvent> = {}): PortalDossierEvent {
  return {
    id: `e${++nextId}`,
    action,
    at: new Date(at),
    actorName: 'canbo.motcua',
    fromStatus: null,
    toStatus,
    fromAgencyCode: AGENCY,
    toAgencyCode: AGENCY,
    note: null,
    data: {},
    ...extra,
  };
}

function snapshot(over: Partial<PortalDossierSnapshot> = {}): PortalDossierSnapshot {
  return {
    code: `${AGENCY}-261123-0001`,
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    receivingAgencyCode: AGENCY,
    receivingAgencyName: 'UBND phường Phúc Xá',
    currentAgencyCode: AGENCY,
    status: 'new',
    channel: 'online',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '001090012345', phone: '84912345678', email: 'an@example.vn', address: 'Phúc Xá, Ba Đình, Hà Nội' },
    submittedAt: new Date('2026-11-23T01:05:09Z'),
    receivedAt: null,
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
    feeTotalVnd: 0,
    feesPaidVnd: 0,
    outcome: null,
    events: [],
    ...over,
  };
}

// Run this file with TZ=UTC and TZ=America/New_York (Jest's sandbox does not let a test switch zones itself).
const PROCESS_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`dates in Asia/Ho_Chi_Minh whatever the process time zone (here ${PROCESS_ZONE})`, () => {
  it.each<[string, string]>([
    ['2026-11-23T01:05:09Z', '20261123080509'],
    ['2026-11-23T16:59:59Z', '20261123235959'],
    ['2026-11-23T17:00:00Z', '20261124000000'],
    ['2026-12-31T17:30:00.999Z', '20270101003000'],
    ['2024-02-28T20:00:00Z', '20240229030000'],
    ['2026-03-08T07:30:00Z', '20260308143000'], // New York switches to DST that day
  ])('%s → %s in every date field', (iso, compact) => {
    const at = new Date(iso);
    const s = snapshot({
      status: 'result_returned',
      submittedAt: at,
      receivedAt: at,
      dueAt: at,
      finishedAt: at,
      returnedAt: at,
      events: [ev('request_supplement', iso, 'supplement_requested'), ev('supplement', iso, 'received')],
    });
    const p = buildSyncPayload(s);
    for (const field of ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra'] as const) expect(p[field]).toBe(compact);
    expect(p.DanhSachHoSoBoSung).toEqual([{ NgayYeuCau: compact, NoiDung: '', NgayBoSung: compact }]);
    expect(p.QuaTrinhXuLy.map((l) => l.ThoiDiemXuLy)).toEqual([compact, compact]);
    expect(buildProgressPayload(s, s.events[1].id)).toMatchObject({ ThoiDiemXuLy: compact, NgayHenTra: compact });
  });
});

describe('buildSyncPayload: identity fields', () => {
  it('maps the snapshot onto the portal keys', () => {
    const p = buildSyncPayload(snapshot({ feeTotalVnd: 8000, feesPaidVnd: 3000 }));
    expect(p).toEqual({
      MaHoSo: `${AGENCY}-261123-0001`,
      MaTTHC: '1.001193',
      TenTTHC: 'Thủ tục đăng ký khai sinh',
      MaDonVi: AGENCY,
      TenDonVi: 'UBND phường Phúc Xá',
      KenhThucHien: 2,
      ChuHoSo: 'Nguyễn Văn An',
      SoCMND: '001090012345',
      SoDienThoai: '84912345678',
      Email: 'an@example.vn',
      DiaChi: 'Phúc Xá, Ba Đình, Hà Nội',
      NgayNopHoSo: '20261123080509',
      NgayTiepNhan: null,
      NgayHenTra: null,
      NgayHenTraMoi: null,
      NgayKetThucXuLy: null,
      NgayTra: null,
      TrangThaiHoSo: 1,
      KetQuaXuLy: null,
      LePhi: 8000,
      PhiDaThu: 3000,
      DanhSachHoSoBoSung: [],
      QuaTrinhXuLy: [],
    });
  });

  it.each<[string | undefined, string | null]>([
    ['an@example.vn', 'an@example.vn'],
    [undefined, null],
    ['', null],
  ])('Email %p → %p', (email, expected) => {
    const s = snapshot();
    s.applicant = { ...s.applicant, email };
    expect(buildSyncPayload(s).Email).toBe(expected);
  });

  it.each<[keyof PortalDossierSnapshot, string]>([
    ['receivedAt', 'NgayTiepNhan'],
    ['dueAt', 'NgayHenTra'],
    ['finishedAt', 'NgayKetThucXuLy'],
    ['returnedAt', 'NgayTra'],
  ])('%s null → %s null, set → formatted', (field, key) => {
    expect(buildSyncPayload(snapshot({ [field]: null }))[key as keyof ReturnType<typeof buildSyncPayload>]).toBeNull();
    expect(buildSyncPayload(snapshot({ [field]: new Date('2026-11-25T10:00:00Z') }))[key as keyof ReturnType<typeof buildSyncPayload>]).toBe('20261125170000');
  });

  it.each<[number, number]>([
    [1.5, 0],
    [-1000, 0],
    [0, Number.NaN],
    [0, 2 ** 60],
  ])('refuses fees that are not whole VND (%p, %p)', (feeTotalVnd, feesPaidVnd) => {
    expect(() => buildSyncPayload(snapshot({ feeTotalVnd, feesPaidVnd }))).toThrow(RangeError);
  });
});

describe('buildSyncPayload: channel', () => {
  it.each<[PortalDossierSnapshot['channel'], number]>([
    ['direct', 1],
    ['online', 2],
    ['post', 3],
  ])('%s → KenhThucHien %i', (channel, code) => {
    expect(buildSyncPayload(snapshot({ channel })).KenhThucHien).toBe(code);
  });

  it('refuses an unknown channel', () => {
    expect(() => buildSyncPayload(snapshot({ channel: 'fax' as never }))).toThrow(RangeError);
  });
});

describe('buildSyncPayload: status', () => {
  const table: [DossierStatus, number][] = [
    ['new', 1],
    ['received', 2],
    ['refused', 3],
    ['processing', 4],
    ['awaiting_approval', 4],
    ['supplement_requested', 5],
    ['payment_requested', 6],
    ['withdrawn', 7],
    ['stopped', 8],
    ['resolved', 9],
    ['result_returned', 10],
  ];

  it('covers every internal status', () => {
    expect(table.map(([s]) => s).sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it.each(table)('%s → TrangThaiHoSo %i (record, progress line and progress update)', (status, code) => {
    expect(NATIONAL_STATUS[status]).toBe(code);
    const event = ev('x', '2026-11-23T02:00:00Z', status);
    const s = snapshot({ status, events: [event] });
    const p = buildSyncPayload(s);
    expect(p.TrangThaiHoSo).toBe(code);
    expect(p.QuaTrinhXuLy[0].MaTrangThai).toBe(code);
    expect(typeof p.QuaTrinhXuLy[0].TenTrangThai).toBe('string');
    expect(buildProgressPayload(s, event.id).TrangThaiHoSo).toBe(code);
  });

  it('refuses an unknown status', () => {
    expect(() => buildSyncPayload(snapshot({ status: 'lost' as never }))).toThrow(RangeError);
  });
});

describe('buildSyncPayload: KetQuaXuLy', () => {
  it.each<[PortalDossierSnapshot['outcome'], string | null]>([
    ['grant', '1'],
    ['deny', '0'],
    [null, null],
  ])('%p → %p', (outcome, expected) => {
    expect(buildSyncPayload(snapshot({ outcome })).KetQuaXuLy).toBe(expected);
  });
});

describe('supplementation history', () => {
  const req = (at: string, note: string | null = 'Thiếu giấy chứng sinh', data: Record<string, unknown> = {}) =>
    ev('request_supplement', at, 'supplement_requested', { note, data });
  const sup = (at: string) => ev('supplement', at, 'processing', { actorName: 'Nguyễn Văn An' });
  const other = (at: string) => ev('assign', at, 'processing');

  it.each<[string, PortalDossierEvent[], { NgayYeuCau: string; NoiDung: string; NgayBoSung: string | null }[]]>([
    ['no supplementation', [other('2026-11-23T02:00:00Z')], []],
    [
      'request then supplement',
      [req('2026-11-23T02:00:00Z'), sup('2026-11-24T03:00:00Z')],
      [{ NgayYeuCau: '20261123090000', NoiDung: 'Thiếu giấy chứng sinh', NgayBoSung: '20261124100000' }],
    ],
    ['unanswered request', [req('2026-11-23T02:00:00Z')], [{ NgayYeuCau: '20261123090000', NoiDung: 'Thiếu giấy chứng sinh', NgayBoSung: null }]],
    [
      'two rounds, the second unanswered',
      [req('2026-11-23T02:00:00Z', 'Lần 1'), other('2026-11-23T05:00:00Z'), sup('2026-11-24T03:00:00Z'), req('2026-11-25T03:00:00Z', 'Lần 2')],
      [
        { NgayYeuCau: '20261123090000', NoiDung: 'Lần 1', NgayBoSung: '20261124100000' },
        { NgayYeuCau: '20261125100000', NoiDung: 'Lần 2', NgayBoSung: null },
      ],
    ],
    [
      'events given out of order are paired by time',
      [sup('2026-11-24T03:00:00Z'), req('2026-11-23T02:00:00Z')],
      [{ NgayYeuCau: '20261123090000', NoiDung: 'Thiếu giấy chứng sinh', NgayBoSung: '20261124100000' }],
    ],
    [
      'a supplement without a request is ignored',
      [sup('2026-11-22T03:00:00Z'), req('2026-11-23T02:00:00Z')],
      [{ NgayYeuCau: '20261123090000', NoiDung: 'Thiếu giấy chứng sinh', NgayBoSung: null }],
    ],
    [
      'missing components are listed',
      [req('2026-11-23T02:00:00Z', 'Thiếu giấy tờ', { missingComponents: ['TKKS', 'GCS'] })],
      [{ NgayYeuCau: '20261123090000', NoiDung: 'Thiếu giấy tờ. Thành phần cần bổ sung: TKKS, GCS', NgayBoSung: null }],
    ],
    ['no note', [req('2026-11-23T02:00:00Z', null)], [{ NgayYeuCau: '20261123090000', NoiDung: '', NgayBoSung: null }]],
  ])('%s', (_name, events, expected) => {
    expect(supplementHistory(events)).toEqual(expected);
    expect(buildSyncPayload(snapshot({ events })).DanhSachHoSoBoSung).toEqual(expected);
  });
});

describe('progress lines', () => {
  const life = (): PortalDossierEvent[] => [
    ev('submit', '2026-11-23T01:05:09Z', 'new', { actorName: 'Nguyễn Văn An', fromAgencyCode: null }),
    ev('accept', '2026-11-23T02:00:00Z', 'received', { note: 'Hồ sơ hợp lệ', data: { dueAt: '2026-11-25T10:00:00.000Z' } }),
    ev('transfer', '2026-11-23T03:00:00Z', 'received', { fromStatus: 'received', toAgencyCode: DISTRICT }),
    ev('assign', '2026-11-23T03:00:00Z', 'processing', { actorName: 'lanhdao.quan', fromAgencyCode: DISTRICT, toAgencyCode: DISTRICT }),
    ev('extend', '2026-11-24T03:00:00Z', 'processing', {
      note: 'Cần xác minh',
      fromAgencyCode: DISTRICT,
      toAgencyCode: DISTRICT,
      data: { newDueAt: '2026-11-27T10:00:00.000Z' },
    }),
    ev('approve', '2026-11-26T04:00:00Z', 'resolved', { actorName: 'lanhdao.quan', fromAgencyCode: DISTRICT, toAgencyCode: AGENCY }),
  ];

  it('lists every event in time order, same-instant events in given order', () => {
    const events = life();
    const shuffled = [events[5], events[2], events[0], events[3], events[4], events[1]];
    const lines = buildSyncPayload(snapshot({ events: shuffled })).QuaTrinhXuLy;
    expect(lines).toEqual([
      { MaTrangThai: 1, TenTrangThai: 'Mới', ThoiDiemXuLy: '20261123080509', NguoiXuLy: 'Nguyễn Văn An', DonViXuLy: AGENCY, NoiDung: 'Nộp hồ sơ trực tuyến' },
      {
        MaTrangThai: 2,
        TenTrangThai: 'Đã tiếp nhận',
        ThoiDiemXuLy: '20261123090000',
        NguoiXuLy: 'canbo.motcua',
        DonViXuLy: AGENCY,
        NoiDung: 'Tiếp nhận hồ sơ: Hồ sơ hợp lệ',
      },
      {
        MaTrangThai: 2,
        TenTrangThai: 'Đã tiếp nhận',
        ThoiDiemXuLy: '20261123100000',
        NguoiXuLy: 'canbo.motcua',
        DonViXuLy: AGENCY,
        NoiDung: `Chuyển hồ sơ đến ${DISTRICT}`,
      },
      {
        MaTrangThai: 4,
        TenTrangThai: 'Đang xử lý',
        ThoiDiemXuLy: '20261123100000',
        NguoiXuLy: 'lanhdao.quan',
        DonViXuLy: DISTRICT,
        NoiDung: 'Phân công xử lý',
      },
      {
        MaTrangThai: 4,
        TenTrangThai: 'Đang xử lý',
        ThoiDiemXuLy: '20261124100000',
        NguoiXuLy: 'canbo.motcua',
        DonViXuLy: DISTRICT,
        NoiDung: 'Xin lỗi và hẹn lại ngày trả kết quả: Cần xác minh',
      },
      {
        MaTrangThai: 9,
        TenTrangThai: 'Đã xử lý xong',
        ThoiDiemXuLy: '20261126110000',
        NguoiXuLy: 'lanhdao.quan',
        DonViXuLy: DISTRICT,
        NoiDung: 'Phê duyệt kết quả',
      },
    ]);
  });

  it('does not reorder the caller’s array', () => {
    const events = life().reverse();
    const ids = events.map((e) => e.id);
    buildSyncPayload(snapshot({ events }));
    expect(events.map((e) => e.id)).toEqual(ids);
  });

  it('names unknown actions as they are', () => {
    expect(buildSyncPayload(snapshot({ events: [ev('migrated', '2026-11-23T02:00:00Z', 'received')] })).QuaTrinhXuLy[0].NoiDung).toBe('migrated');
  });
});

describe('buildProgressPayload', () => {
  const events = [
    ev('submit', '2026-11-23T01:05:09Z', 'new', { actorName: 'Nguyễn Văn An', fromAgencyCode: null }),
    ev('accept', '2026-11-23T02:00:00Z', 'received', { data: { dueAt: '2026-11-25T10:00:00.000Z' } }),
    ev('assign', '2026-11-23T03:00:00Z', 'processing', { actorName: 'lanhdao' }),
    ev('extend', '2026-11-24T03:00:00Z', 'processing', { note: 'Cần xác minh', data: { newDueAt: '2026-11-27T10:00:00.000Z' } }),
    ev('propose', '2026-11-25T03:00:00Z', 'awaiting_approval', { actorName: 'chuyenvien', note: 'Đủ điều kiện' }),
  ];
  // Both appointments moved by a day after the extension (a payment wait paused the clock).
  const s = snapshot({
    status: 'awaiting_approval',
    receivedAt: events[1].at,
    dueAt: new Date('2026-11-26T10:00:00Z'),
    extendedDueAt: new Date('2026-11-28T10:00:00Z'),
    events,
  });

  it.each<[number, Record<string, unknown>]>([
    [
      0,
      { TrangThaiHoSo: 1, ThoiDiemXuLy: '20261123080509', NguoiXuLy: 'Nguyễn Văn An', NoiDung: 'Nộp hồ sơ trực tuyến', NgayHenTra: null, NgayHenTraMoi: null },
    ],
    [
      1,
      {
        TrangThaiHoSo: 2,
        ThoiDiemXuLy: '20261123090000',
        NguoiXuLy: 'canbo.motcua',
        NoiDung: 'Tiếp nhận hồ sơ',
        NgayHenTra: '20261125170000',
        NgayHenTraMoi: null,
      },
    ],
    [
      2,
      { TrangThaiHoSo: 4, ThoiDiemXuLy: '20261123100000', NguoiXuLy: 'lanhdao', NoiDung: 'Phân công xử lý', NgayHenTra: '20261125170000', NgayHenTraMoi: null },
    ],
    // The extension gives a new appointment beside the first, which stays the reference.
    [
      3,
      {
        TrangThaiHoSo: 4,
        ThoiDiemXuLy: '20261124100000',
        NoiDung: 'Xin lỗi và hẹn lại ngày trả kết quả: Cần xác minh',
        NgayHenTra: '20261125170000',
        NgayHenTraMoi: '20261127170000',
      },
    ],
    [
      4,
      {
        TrangThaiHoSo: 4,
        ThoiDiemXuLy: '20261125100000',
        NguoiXuLy: 'chuyenvien',
        NoiDung: 'Trình kết quả xử lý: Đủ điều kiện',
        NgayHenTra: '20261126170000',
        NgayHenTraMoi: '20261128170000',
      },
    ],
  ])('event #%i', (i, expected) => {
    expect(buildProgressPayload(s, events[i].id)).toEqual({
      MaHoSo: s.code,
      DonViXuLy: AGENCY,
      NguoiXuLy: 'canbo.motcua',
      ...expected,
    });
  });

  it('matches the corresponding progress line of the full record', () => {
    const lines = buildSyncPayload(s).QuaTrinhXuLy;
    events.forEach((e, i) => {
      const p = buildProgressPayload(s, e.id);
      expect({ MaTrangThai: p.TrangThaiHoSo, ThoiDiemXuLy: p.ThoiDiemXuLy, NguoiXuLy: p.NguoiXuLy, DonViXuLy: p.DonViXuLy, NoiDung: p.NoiDung }).toEqual({
        MaTrangThai: lines[i].MaTrangThai,
        ThoiDiemXuLy: lines[i].ThoiDiemXuLy,
        NguoiXuLy: lines[i].NguoiXuLy,
        DonViXuLy: lines[i].DonViXuLy,
        NoiDung: lines[i].NoiDung,
      });
    });
  });

  it('falls back to the current due date when no event recorded one', () => {
    const plain = [ev('accept', '2026-11-23T02:00:00Z', 'received'), ev('assign', '2026-11-23T03:00:00Z', 'processing')];
    const t = snapshot({ dueAt: new Date('2026-11-25T10:00:00Z'), events: plain });
    expect(buildProgressPayload(t, plain[0].id).NgayHenTra).toBe('20261125170000');
    expect(buildProgressPayload({ ...t, dueAt: null }, plain[1].id).NgayHenTra).toBeNull();
  });

  it('refuses an unknown event', () => {
    expect(() => buildProgressPayload(s, 'nope')).toThrow(/no event nope/);
  });
});
