import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText, fmtDateTime, OFFICER_COOKIE } from './api';
import { Alert, Loading, useTitle } from './ui';

interface Counts {
  units?: { created: number; continued: number; closed: number; districtsClosed: number };
  agencies?: { closed: number; created: number; mapped: number };
  officers?: { moved: number; granted: number };
  dossiersMoved?: number;
  dossiersRerouted?: number;
}
interface Moves {
  units: { code: string; to: string }[];
  agencies: { code: string; successorCode: string | null }[];
  officers: { username: string; mode: 'move' | 'grant'; fromAgencyCode: string; toAgencyCode: string; roles: string[]; grantedUsername?: string | null }[];
  dossiers: { code: string; fromAgencyCode: string; toAgencyCode: string }[];
}
interface Plan extends Counts {
  name: string;
  effectiveDate: string;
  status: 'preview' | 'scheduled' | 'applied';
  takesEffectAt: string;
  appliedAt: string | null;
  moves?: Moves;
}

const STATUS_VI: Record<Plan['status'], string> = { preview: 'Xem trước', scheduled: 'Đã lên lịch', applied: 'Đã áp dụng' };
const SHOWN = 50;

/** The 2025 arrangement of units (and any later one): preview what it moves, schedule it for its date, see the plans. */
export function AdminReorganizationsPage() {
  useTitle('Sắp xếp đơn vị hành chính');
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [name, setName] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [officers, setOfficers] = useState<'move' | 'grant'>('move');
  const [preview, setPreview] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<ApiError | string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setPlans(await api<Plan[]>('/admin/reorganizations', { token: OFFICER_COOKIE }));
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const answer = await api<Plan>('/admin/reorganizations', {
        method: 'POST',
        token: OFFICER_COOKIE,
        body: { name, effectiveDate, dryRun, officers: { default: officers } },
      });
      if (dryRun) setPreview(answer);
      else {
        setPreview(null);
        setDone(
          answer.status === 'applied' ? `Đã áp dụng “${answer.name}”.` : `Đã lên lịch “${answer.name}”: có hiệu lực từ ${fmtDateTime(answer.takesEffectAt)}.`,
        );
        await load();
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };
  const onSchedule = () => {
    if (confirm(`Lên lịch sắp xếp “${name}” có hiệu lực từ ${effectiveDate}? Từ 00:00 ngày đó bản đồ đơn vị mới được áp dụng.`)) void send(false);
  };
  const fieldError = (field: string) => (problem instanceof ApiError ? problem.problem.errors?.find((f) => f.field === field)?.message : undefined);

  return (
    <section>
      <h1>Sắp xếp đơn vị hành chính</h1>
      <p>
        Áp dụng bảng sắp xếp đơn vị cấp xã trong thư mục dữ liệu: đơn vị mới, cơ quan kế thừa, cán bộ chuyển sang và hồ sơ đang giải quyết được chuyển tuyến;
        thời hạn giải quyết giữ nguyên.
      </p>
      {problem && <Alert>{problem instanceof ApiError ? (problem.status === 409 && problem.problem.detail) || errorText(problem) : problem}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      <form onSubmit={onPreview} noValidate className="fieldset">
        <div className="field">
          <label htmlFor="reorg-name">Tên đợt sắp xếp</label>
          <input
            id="reorg-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            aria-invalid={Boolean(fieldError('name'))}
            aria-describedby={fieldError('name') ? 'reorg-name-error' : undefined}
          />
          {fieldError('name') && (
            <p className="field-error" id="reorg-name-error">
              {fieldError('name')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="reorg-date">Ngày có hiệu lực</label>
          <input
            id="reorg-date"
            type="date"
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.target.value)}
            aria-invalid={Boolean(fieldError('effectiveDate'))}
            aria-describedby={fieldError('effectiveDate') ? 'reorg-date-error' : undefined}
          />
          {fieldError('effectiveDate') && (
            <p className="field-error" id="reorg-date-error">
              {fieldError('effectiveDate')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="reorg-officers">Cán bộ của cơ quan giải thể</label>
          <select id="reorg-officers" value={officers} onChange={(e) => setOfficers(e.target.value as 'move' | 'grant')}>
            <option value="move">Chuyển tài khoản sang cơ quan kế thừa</option>
            <option value="grant">Cấp thêm tài khoản tại cơ quan kế thừa, giữ tài khoản cũ để tra cứu</option>
          </select>
        </div>
        <p>
          <button className="primary" type="submit" disabled={busy}>
            Xem trước thay đổi
          </button>{' '}
          <button type="button" className="secondary" disabled={busy || !preview} onClick={onSchedule}>
            Lên lịch sắp xếp
          </button>
        </p>
      </form>
      {busy && <Loading text="Đang tính các thay đổi…" />}
      {preview && <PreviewOfPlan plan={preview} />}
      <h2>Các đợt sắp xếp</h2>
      {plans === null ? (
        <Loading />
      ) : plans.length === 0 ? (
        <p>Chưa có đợt sắp xếp nào.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Tên</th>
              <th scope="col">Hiệu lực từ</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Đơn vị mới</th>
              <th scope="col">Cán bộ chuyển</th>
              <th scope="col">Hồ sơ chuyển</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={`${p.name}-${p.effectiveDate}`}>
                <td>{p.name}</td>
                <td>{fmtDateTime(p.takesEffectAt)}</td>
                <td>
                  {STATUS_VI[p.status]}
                  {p.appliedAt && (
                    <>
                      <br />
                      <span className="muted">{fmtDateTime(p.appliedAt)}</span>
                    </>
                  )}
                </td>
                <td>{p.units?.created ?? '—'}</td>
                <td>{p.officers ? p.officers.moved + p.officers.granted : '—'}</td>
                <td>{p.dossiersMoved ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PreviewOfPlan({ plan }: { plan: Plan }) {
  const m = plan.moves;
  return (
    <section aria-labelledby="reorg-preview">
      <h2 id="reorg-preview">Thay đổi nếu áp dụng “{plan.name}”</h2>
      <ul>
        <li>
          Đơn vị: {plan.units?.created ?? 0} đơn vị mới, {plan.units?.continued ?? 0} giữ mã, {plan.units?.closed ?? 0} đơn vị cấp xã và{' '}
          {plan.units?.districtsClosed ?? 0} đơn vị cấp huyện kết thúc
        </li>
        <li>
          Cơ quan: {plan.agencies?.created ?? 0} mở mới, {plan.agencies?.closed ?? 0} giải thể ({plan.agencies?.mapped ?? 0} có cơ quan kế thừa)
        </li>
        <li>
          Cán bộ: {plan.officers?.moved ?? 0} chuyển, {plan.officers?.granted ?? 0} được cấp thêm tài khoản
        </li>
        <li>
          Hồ sơ đang giải quyết: {plan.dossiersMoved ?? 0} chuyển cơ quan, {plan.dossiersRerouted ?? 0} đổi tuyến xử lý
        </li>
      </ul>
      {m && m.officers.length > 0 && (
        <table className="table">
          <caption>Cán bộ (tối đa {SHOWN} dòng)</caption>
          <thead>
            <tr>
              <th scope="col">Tài khoản</th>
              <th scope="col">Từ</th>
              <th scope="col">Đến</th>
              <th scope="col">Cách chuyển</th>
            </tr>
          </thead>
          <tbody>
            {m.officers.slice(0, SHOWN).map((o) => (
              <tr key={o.username}>
                <td>{o.username}</td>
                <td>{o.fromAgencyCode}</td>
                <td>{o.toAgencyCode}</td>
                <td>{o.mode === 'move' ? 'Chuyển' : `Cấp thêm (${o.grantedUsername ?? ''})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m && m.dossiers.length > 0 && (
        <table className="table">
          <caption>Hồ sơ chuyển cơ quan (tối đa {SHOWN} dòng)</caption>
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Từ</th>
              <th scope="col">Đến</th>
            </tr>
          </thead>
          <tbody>
            {m.dossiers.slice(0, SHOWN).map((d) => (
              <tr key={d.code}>
                <td>{d.code}</td>
                <td>{d.fromAgencyCode}</td>
                <td>{d.toAgencyCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
