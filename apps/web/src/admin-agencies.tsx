// Administration of a unit's agencies and desks: create and edit agencies, name the procedures each receives or
// processes, close one from a date, and keep the unit's office hours. Administrators reach every unit, unit
// administrators their own unit and the units below it (the API answers 404 for anything else).
import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText, session, type FieldError } from './api';
import { navigate } from './router';
import { Alert, Loading, useTitle } from './ui';

interface Agency {
  code: string;
  name: string;
  kind: string;
  unitCode: string;
  unitName: string;
  sectors: string[];
  receives: boolean;
  smsBrandname: string | null;
  validFrom: string;
  validTo: string | null;
  closedFrom: string | null;
  open: boolean;
  procedures: { receives: string[]; processes: string[] };
  openDossiers?: number;
}
interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
  officeHours: OfficeHours | null;
}
interface OfficeHours {
  sessions: { start: string; end: string }[];
  sameDayCutoff: string;
  cutoff: string;
}

const KINDS: Record<string, string> = {
  one_stop_desk: 'Bộ phận Một cửa',
  office: 'Phòng, ban chuyên môn',
  department: 'Sở, ban, ngành',
  people_committee: 'Ủy ban nhân dân',
};
const SECTORS: Record<string, string> = {
  one_stop: 'Một cửa',
  justice: 'Tư pháp - Hộ tịch',
  construction: 'Xây dựng',
  natural_resources: 'Tài nguyên và Môi trường',
  planning_investment: 'Kế hoạch và Đầu tư',
  urban_management: 'Quản lý đô thị',
  economy: 'Kinh tế',
  labour_social: 'Lao động - Xã hội',
  culture: 'Văn hóa',
  general: 'Chung (UBND)',
};
const DEFAULT_HOURS: OfficeHours = {
  sessions: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
  sameDayCutoff: '15:00',
  cutoff: '17:00',
};
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const codesOf = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean),
  ),
];

/** A Vietnamese sentence for a field the API refused (its own messages are for developers). */
function fieldText(e: FieldError, status: number): string {
  if (e.field === 'code')
    return status === 409
      ? 'Mã định danh này đã được dùng cho một cơ quan khác.'
      : 'Mã định danh chưa đúng: theo cấu trúc QCVN 102:2016 (ví dụ 005.35.22.H26), đánh số ngay dưới mã của UBND đơn vị.';
  if (e.field === 'name') return 'Vui lòng nhập tên cơ quan.';
  if (e.field === 'kind') return 'Không tạo được loại cơ quan này ở đây (UBND có sẵn theo đơn vị; sở chỉ thuộc Thành phố).';
  if (e.field === 'sectors') return 'Chọn ít nhất một lĩnh vực; chỉ Bộ phận Một cửa có lĩnh vực Một cửa.';
  if (e.field.startsWith('procedures.receives')) return 'Có mã thủ tục không có trong danh mục, hoặc cơ quan chưa được chọn là nơi tiếp nhận hồ sơ.';
  if (e.field.startsWith('procedures.processes')) return 'Có mã thủ tục không có trong danh mục.';
  if (e.field === 'closedFrom') return status === 409 ? 'Cơ quan đã đóng, không mở lại hay đổi ngày đóng được.' : 'Ngày đóng phải từ hôm nay trở đi.';
  if (e.field === 'smsBrandname') return 'Tên người gửi SMS tối đa 11 ký tự không dấu.';
  return 'Giá trị chưa hợp lệ.';
}

function fieldErrorsOf(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of e.problem.errors ?? []) {
    const key = f.field.replace(/\[\d+\]$/, '');
    out[key] ??= fieldText(f, e.status);
  }
  return out;
}

function FieldNote({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

interface Draft {
  code: string;
  name: string;
  kind: string;
  sectors: string[];
  receives: boolean;
  receivesText: string;
  processesText: string;
  smsBrandname: string;
  closedFrom: string;
}
const emptyDraft: Draft = {
  code: '',
  name: '',
  kind: 'office',
  sectors: [],
  receives: false,
  receivesText: '',
  processesText: '',
  smsBrandname: '',
  closedFrom: '',
};
const draftOf = (a: Agency): Draft => ({
  code: a.code,
  name: a.name,
  kind: a.kind,
  sectors: a.sectors,
  receives: a.receives,
  receivesText: a.procedures.receives.join(', '),
  processesText: a.procedures.processes.join(', '),
  smsBrandname: a.smsBrandname ?? '',
  closedFrom: a.closedFrom ?? '',
});

/** The form for a new agency, or for an existing one (`editing`): identifier, kind and unit are fixed once created. */
function AgencyForm({
  unit,
  editing,
  onSaved,
  onCancel,
}: {
  unit: Unit;
  editing: Agency | null;
  onSaved: (a: Agency, created: boolean) => void;
  onCancel: () => void;
}) {
  const officer = session.officer()!;
  const [d, setD] = useState<Draft>(editing ? draftOf(editing) : emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const prefix = editing ? 'edit' : 'new';
  const sectorChoices = Object.keys(SECTORS).filter((s) => s !== 'general');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem('');
    const procedures = { receives: codesOf(d.receivesText), processes: codesOf(d.processesText) };
    try {
      const saved = editing
        ? await api<Agency>(`/admin/agencies/${encodeURIComponent(editing.code)}`, {
            method: 'PATCH',
            token: officer.token,
            body: {
              name: d.name,
              sectors: d.sectors,
              receives: d.receives,
              procedures,
              smsBrandname: d.smsBrandname || null,
              ...(d.closedFrom !== (editing.closedFrom ?? '') ? { closedFrom: d.closedFrom || null } : {}),
            },
          })
        : await api<Agency>('/admin/agencies', {
            token: officer.token,
            body: {
              code: d.code.trim(),
              name: d.name,
              kind: d.kind,
              unitCode: unit.code,
              sectors: d.sectors,
              receives: d.receives,
              procedures,
              ...(d.smsBrandname ? { smsBrandname: d.smsBrandname } : {}),
            },
          });
      onSaved(saved, !editing);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setErrors(fields);
      setProblem(Object.keys(fields).length ? 'Chưa lưu được: vui lòng sửa các trường được đánh dấu.' : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const described = (id: string, key: string) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{editing ? `Sửa cơ quan ${editing.code}` : `Thêm cơ quan của ${unit.name}`}</h2>
      {problem && <Alert>{problem}</Alert>}
      {!editing && (
        <div className={`field${errors.code ? ' has-error' : ''}`}>
          <label htmlFor={`${prefix}-code`}>Mã định danh (QCVN 102:2016)</label>
          <input
            id={`${prefix}-code`}
            value={d.code}
            placeholder="005.35.22.H26"
            onChange={(e) => set({ code: e.target.value })}
            {...described(`${prefix}-code`, 'code')}
          />
          <FieldNote id={`${prefix}-code`} error={errors.code} />
        </div>
      )}
      <div className={`field${errors.name ? ' has-error' : ''}`}>
        <label htmlFor={`${prefix}-name`}>Tên cơ quan</label>
        <input id={`${prefix}-name`} value={d.name} onChange={(e) => set({ name: e.target.value })} {...described(`${prefix}-name`, 'name')} />
        <FieldNote id={`${prefix}-name`} error={errors.name} />
      </div>
      {!editing && (
        <div className={`field${errors.kind ? ' has-error' : ''}`}>
          <label htmlFor={`${prefix}-kind`}>Loại cơ quan</label>
          <select
            id={`${prefix}-kind`}
            value={d.kind}
            onChange={(e) =>
              set({ kind: e.target.value, sectors: e.target.value === 'one_stop_desk' ? ['one_stop'] : d.sectors.filter((s) => s !== 'one_stop') })
            }
            {...described(`${prefix}-kind`, 'kind')}
          >
            {['one_stop_desk', 'office', 'department'].map((k) => (
              <option key={k} value={k}>
                {KINDS[k]}
              </option>
            ))}
          </select>
          <FieldNote id={`${prefix}-kind`} error={errors.kind} />
        </div>
      )}
      <fieldset className="fieldset" {...described(`${prefix}-sectors`, 'sectors')}>
        <legend>Lĩnh vực</legend>
        {sectorChoices.map((s) => (
          <label key={s} className="field-check">
            <input
              type="checkbox"
              checked={d.sectors.includes(s)}
              onChange={(e) => set({ sectors: e.target.checked ? [...d.sectors, s] : d.sectors.filter((x) => x !== s) })}
            />{' '}
            {SECTORS[s]}
          </label>
        ))}
        <FieldNote id={`${prefix}-sectors`} error={errors.sectors} />
      </fieldset>
      <label className="field-check">
        <input type="checkbox" checked={d.receives} onChange={(e) => set({ receives: e.target.checked })} /> Tiếp nhận hồ sơ
      </label>
      <div className={`field${errors['procedures.receives'] ? ' has-error' : ''}`}>
        <label htmlFor={`${prefix}-receives`}>Thủ tục tiếp nhận (mã thủ tục, cách nhau bởi dấu phẩy; để trống: mọi thủ tục của cấp)</label>
        <input
          id={`${prefix}-receives`}
          value={d.receivesText}
          onChange={(e) => set({ receivesText: e.target.value })}
          {...described(`${prefix}-receives`, 'procedures.receives')}
        />
        <FieldNote id={`${prefix}-receives`} error={errors['procedures.receives']} />
      </div>
      <div className={`field${errors['procedures.processes'] ? ' has-error' : ''}`}>
        <label htmlFor={`${prefix}-processes`}>Thủ tục giải quyết (mã thủ tục; để trống: theo lĩnh vực)</label>
        <input
          id={`${prefix}-processes`}
          value={d.processesText}
          onChange={(e) => set({ processesText: e.target.value })}
          {...described(`${prefix}-processes`, 'procedures.processes')}
        />
        <FieldNote id={`${prefix}-processes`} error={errors['procedures.processes']} />
      </div>
      <div className={`field${errors.smsBrandname ? ' has-error' : ''}`}>
        <label htmlFor={`${prefix}-sms`}>Tên người gửi SMS (không bắt buộc)</label>
        <input
          id={`${prefix}-sms`}
          value={d.smsBrandname}
          maxLength={11}
          onChange={(e) => set({ smsBrandname: e.target.value })}
          {...described(`${prefix}-sms`, 'smsBrandname')}
        />
        <FieldNote id={`${prefix}-sms`} error={errors.smsBrandname} />
      </div>
      {editing && (
        <div className={`field${errors.closedFrom ? ' has-error' : ''}`}>
          <label htmlFor={`${prefix}-closed`}>Ngừng tiếp nhận từ ngày (để trống: vẫn hoạt động)</label>
          <input
            id={`${prefix}-closed`}
            type="date"
            min={today()}
            value={d.closedFrom}
            onChange={(e) => set({ closedFrom: e.target.value })}
            {...described(`${prefix}-closed`, 'closedFrom')}
          />
          <FieldNote id={`${prefix}-closed`} error={errors.closedFrom} />
        </div>
      )}
      <div className="form-buttons">
        <button className="primary" type="submit" disabled={busy}>
          {editing ? 'Lưu thay đổi' : 'Thêm cơ quan'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
        )}
      </div>
    </form>
  );
}

function OfficeHoursForm({ unit, onSaved }: { unit: Unit; onSaved: (u: Unit) => void }) {
  const officer = session.officer()!;
  const [hours, setHours] = useState<OfficeHours>(unit.officeHours ?? DEFAULT_HOURS);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => setHours(unit.officeHours ?? DEFAULT_HOURS), [unit.code]);
  const setSession = (i: number, key: 'start' | 'end', value: string) =>
    setHours((h) => ({ ...h, sessions: h.sessions.map((s, j) => (j === i ? { ...s, [key]: value } : s)) }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const saved = await api<Unit>(`/admin/units/${encodeURIComponent(unit.code)}/office-hours`, { method: 'PUT', token: officer.token, body: hours });
      onSaved(saved);
      setMessage({ kind: 'success', text: 'Đã lưu giờ làm việc.' });
    } catch (err) {
      setMessage({
        kind: 'error',
        text: err instanceof ApiError && err.status === 422 ? 'Giờ làm việc chưa hợp lệ: các buổi phải tăng dần, không chồng lên nhau.' : errorText(err),
      });
    }
  }
  const names = ['Buổi sáng', 'Buổi chiều'];
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="hours-title">
      <h2 id="hours-title">Giờ làm việc của {unit.name}</h2>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="filters">
        {hours.sessions.map((s, i) => (
          <fieldset key={i} className="fieldset">
            <legend>{names[i] ?? `Buổi ${i + 1}`}</legend>
            <div className="field">
              <label htmlFor={`h-${i}-start`}>Từ</label>
              <input id={`h-${i}-start`} type="time" value={s.start} onChange={(e) => setSession(i, 'start', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`h-${i}-end`}>Đến</label>
              <input id={`h-${i}-end`} type="time" value={s.end} onChange={(e) => setSession(i, 'end', e.target.value)} />
            </div>
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor="h-same-day">Giờ chốt thủ tục trong ngày</label>
          <input id="h-same-day" type="time" value={hours.sameDayCutoff} onChange={(e) => setHours({ ...hours, sameDayCutoff: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="h-cutoff">Giờ chốt tiếp nhận</label>
          <input id="h-cutoff" type="time" value={hours.cutoff} onChange={(e) => setHours({ ...hours, cutoff: e.target.value })} />
        </div>
      </div>
      <button className="primary" type="submit">
        Lưu giờ làm việc
      </button>
    </form>
  );
}

export function AdminAgenciesPage({ unitCode }: { unitCode?: string }) {
  useTitle('Quản trị cơ quan, bộ phận tiếp nhận');
  const officer = session.officer();
  const isAdmin = !!officer && officer.officer.roles.some((r) => r === 'admin' || r === 'unit_admin');
  const code = unitCode || officer?.officer.unitCode || '';
  const [unit, setUnit] = useState<Unit | null>(null);
  const [children, setChildren] = useState<{ code: string; name: string }[]>([]);
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [editing, setEditing] = useState<Agency | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [newFormKey, setNewFormKey] = useState(0);
  useEffect(() => {
    if (!officer) navigate('/mot-cua/dang-nhap?next=/mot-cua/quan-tri/co-quan', true);
  }, []);
  async function load() {
    setError('');
    setAgencies(null);
    try {
      const [u, list, kids] = await Promise.all([
        api<Unit>(`/units/${encodeURIComponent(code)}`),
        api<Agency[]>(`/admin/agencies?unitCode=${encodeURIComponent(code)}&includeClosed=true`, { token: officer!.token }),
        api<{ code: string; name: string }[]>(`/units?parentCode=${encodeURIComponent(code)}`),
      ]);
      setUnit(u);
      setAgencies(list);
      setChildren(kids);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? 'Đơn vị này không có hoặc nằm ngoài phạm vi bạn quản trị.' : errorText(e));
    }
  }
  useEffect(() => {
    if (isAdmin && code) void load();
  }, [code]);
  if (!officer) return null;
  if (!isAdmin)
    return (
      <section>
        <h1>Quản trị cơ quan, bộ phận tiếp nhận</h1>
        <Alert>Chỉ quản trị viên và quản trị viên đơn vị được dùng trang này.</Alert>
      </section>
    );
  const open = (to: string) => navigate(`/mot-cua/quan-tri/co-quan?don-vi=${encodeURIComponent(to)}`);
  function saved(a: Agency, created: boolean) {
    setNotice(created ? `Đã thêm cơ quan ${a.code} — ${a.name}.` : `Đã lưu cơ quan ${a.code}.`);
    setEditing(null);
    setNewFormKey((k) => k + 1);
    void load();
  }
  return (
    <section>
      <h1>Quản trị cơ quan, bộ phận tiếp nhận</h1>
      {unit && (
        <p className="crumbs">
          Đơn vị: <strong>{unit.name}</strong> ({unit.code})
          {unit.parentCode && unit.code !== officer.officer.unitCode && (
            <>
              {' '}
              ·{' '}
              <button className="link" onClick={() => open(unit.parentCode!)}>
                Lên đơn vị cấp trên
              </button>
            </>
          )}
        </p>
      )}
      {children.length > 0 && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            const v = (e.currentTarget.elements.namedItem('child') as HTMLSelectElement).value;
            if (v) open(v);
          }}
        >
          <div className="field">
            <label htmlFor="child">Đơn vị trực thuộc</label>
            <select id="child" name="child" defaultValue="">
              <option value="">— Chọn đơn vị —</option>
              {children.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Mở đơn vị</button>
        </form>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      {!agencies && !error && <Loading />}
      {agencies && unit && (
        <>
          <div className="table-wrap">
            <table>
              <caption>Cơ quan của {unit.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Mã định danh</th>
                  <th scope="col">Tên</th>
                  <th scope="col">Loại</th>
                  <th scope="col">Lĩnh vực</th>
                  <th scope="col">Tiếp nhận</th>
                  <th scope="col">Thủ tục được giao</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">
                    <span className="sr-only">Thao tác</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {agencies.map((a) => (
                  <tr key={a.code}>
                    <td className="nowrap">{a.code}</td>
                    <td>{a.name}</td>
                    <td>{KINDS[a.kind] ?? a.kind}</td>
                    <td>{a.sectors.map((s) => SECTORS[s] ?? s).join(', ')}</td>
                    <td>{a.receives ? 'Có' : 'Không'}</td>
                    <td>
                      {a.procedures.receives.length > 0 && (
                        <>
                          Tiếp nhận: {a.procedures.receives.join(', ')}
                          <br />
                        </>
                      )}
                      {a.procedures.processes.length > 0 && <>Giải quyết: {a.procedures.processes.join(', ')}</>}
                      {a.procedures.receives.length + a.procedures.processes.length === 0 && <span className="muted">Theo cấp và lĩnh vực</span>}
                    </td>
                    <td>{!a.closedFrom ? 'Đang hoạt động' : a.open ? `Ngừng tiếp nhận từ ${a.closedFrom}` : `Đã đóng từ ${a.closedFrom}`}</td>
                    <td>
                      {a.kind !== 'people_committee' && (!a.validTo || a.open) && (
                        <button type="button" onClick={() => setEditing(a)} aria-label={`Sửa ${a.name}`}>
                          Sửa
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editing && <AgencyForm key={editing.code} unit={unit} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />}
          <AgencyForm key={`new-${unit.code}-${newFormKey}`} unit={unit} editing={null} onSaved={saved} onCancel={() => undefined} />
          <OfficeHoursForm unit={unit} onSaved={setUnit} />
        </>
      )}
    </section>
  );
}
