// The forms of the agencies administration: an agency (new or existing) and the unit's office hours.
import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText, session } from './api';
import { Alert } from './ui';
import {
  Agency,
  DEFAULT_HOURS,
  Draft,
  FieldNote,
  KINDS,
  OfficeHours,
  SECTORS,
  Unit,
  codesOf,
  draftOf,
  emptyDraft,
  fieldErrorsOf,
  today,
} from './admin-agency-model';

/** The form for a new agency, or for an existing one (`editing`): identifier, kind and unit are fixed once created. */
export function AgencyForm({
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

export function OfficeHoursForm({ unit, onSaved }: { unit: Unit; onSaved: (u: Unit) => void }) {
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
