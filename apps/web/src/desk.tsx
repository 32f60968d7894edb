import { FormEvent, useEffect, useState } from 'react';
import { actionName, api, ApiError, errorText, fmtDateTime, openBlob, session, STATUS_NAMES } from './api';
import { DossierFacts, FeesTable, History } from './citizen-dossiers';
import { Link, navigate } from './router';
import { ResultFiles } from './results';
import { serverMessage } from './SchemaForm';
import { Alert, Dialog, Loading, StatusBadge, useTitle } from './ui';

const CONFLICT = 'Hồ sơ đã được người khác cập nhật, vui lòng tải lại';

export function useOfficer() {
  const s = session.officer();
  useEffect(() => {
    if (!s) navigate(`/mot-cua/dang-nhap?next=${encodeURIComponent(location.pathname)}`, true);
  }, [s]);
  return s;
}

function urgency(d: any): { cls: string; text: string } {
  if (d.deadlineFlag === 'overdue' || d.timeliness === 'overdue' || d.timeliness === 'late') return { cls: 'overdue', text: 'Quá hạn' };
  if (d.paused || d.timeliness === 'paused') return { cls: '', text: 'Tạm dừng (chờ công dân)' };
  if (d.deadlineFlag === 'nearly_due') return { cls: 'nearly-due', text: 'Sắp đến hạn' };
  if (d.dueAt) return { cls: 'in-time', text: 'Trong hạn' };
  return { cls: '', text: '—' };
}

export function WorklistPage({ query }: { query: URLSearchParams }) {
  useTitle('Danh sách hồ sơ');
  const officer = useOfficer();
  const [status, setStatus] = useState(query.get('status') ?? '');
  const [flag, setFlag] = useState(query.get('flag') ?? '');
  const [overdue, setOverdue] = useState(query.get('overdue') === 'true');
  const [q, setQ] = useState(query.get('q') ?? '');
  const [items, setItems] = useState<any[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const params = () => {
    const p = new URLSearchParams({ limit: '20' });
    if (status) p.set('status', status);
    if (flag) p.set('flag', flag);
    if (overdue) p.set('overdue', 'true');
    if (q.trim()) p.set('q', q.trim());
    return p;
  };
  async function load(c?: string | null) {
    const p = params();
    if (c) p.set('cursor', c);
    setError('');
    try {
      const r = await api(`/dossiers?${p}`, { token: officer!.token });
      setItems((old) => [...(c ? (old ?? []) : []), ...r.items]);
      setCursor(r.nextCursor ?? null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        session.setOfficer(null);
        navigate('/mot-cua/dang-nhap');
        return;
      }
      setError(errorText(e));
    }
  }
  useEffect(() => {
    if (officer) void load();
  }, []);
  if (!officer) return null;
  return (
    <section>
      <h1>Danh sách hồ sơ</h1>
      <p className="muted">
        {officer.officer.fullName} ({officer.officer.username}) · {officer.officer.agencyCode}
      </p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <div className="field">
          <label htmlFor="f-q">Mã hồ sơ hoặc tên người nộp</label>
          <input id="f-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-status">Trạng thái</label>
          <select id="f-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Tất cả</option>
            {Object.entries(STATUS_NAMES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-flag">Cảnh báo hạn</label>
          <select id="f-flag" value={flag} onChange={(e) => setFlag(e.target.value)}>
            <option value="">Tất cả</option>
            <option value="nearly_due">Sắp đến hạn</option>
            <option value="overdue">Quá hạn</option>
          </select>
        </div>
        <div className="field-check">
          <input id="f-overdue" type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          <label htmlFor="f-overdue">Chỉ hồ sơ quá hạn</label>
        </div>
        <button type="submit" className="primary">
          Lọc
        </button>
      </form>
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading />}
      {items && (
        <div className="table-wrap">
          <table className="worklist">
            <caption className="sr-only">Hồ sơ, khẩn cấp nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Mã hồ sơ</th>
                <th scope="col">Thủ tục</th>
                <th scope="col">Người nộp</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Hạn xử lý</th>
                <th scope="col">Cảnh báo</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={6}>Không có hồ sơ phù hợp.</td>
                </tr>
              )}
              {items.map((d) => {
                const u = urgency(d);
                return (
                  <tr key={d.code} className={`row-${u.cls}`}>
                    <td data-label="Mã hồ sơ">
                      <Link to={`/mot-cua/ho-so/${encodeURIComponent(d.code)}`}>{d.code}</Link>
                    </td>
                    <td data-label="Thủ tục">{d.procedureName}</td>
                    <td data-label="Người nộp">{d.applicantName}</td>
                    <td data-label="Trạng thái">
                      <StatusBadge status={d.status} name={d.statusName} />
                    </td>
                    <td data-label="Hạn xử lý">
                      {fmtDateTime(d.firstDueAt ?? d.dueAt)}
                      {d.extended && (
                        <>
                          <br />
                          <small>Hẹn mới: {fmtDateTime(d.dueAt)}</small>
                        </>
                      )}
                    </td>
                    <td data-label="Cảnh báo">
                      <span className={`flag flag-${u.cls}`}>{u.text}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor && <button onClick={() => load(cursor)}>Tải thêm</button>}
    </section>
  );
}

type Input = {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'number' | 'datetime' | 'components' | 'agency' | 'officer' | 'file';
  required?: boolean;
  options?: [string, string][];
  min?: number;
};
const ACTION_INPUTS: Record<string, Input[]> = {
  accept: [{ name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' }],
  request_supplement: [
    { name: 'reason', label: 'Lý do, nội dung cần bổ sung', kind: 'textarea', required: true, min: 3 },
    { name: 'components', label: 'Giấy tờ cần bổ sung', kind: 'components', required: true },
  ],
  refuse: [{ name: 'reason', label: 'Lý do từ chối', kind: 'textarea', required: true, min: 3 }],
  assign: [
    { name: 'officerId', label: 'Chuyển cho chuyên viên', kind: 'officer', required: true },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
  transfer: [
    { name: 'toAgencyCode', label: 'Chuyển đến cơ quan', kind: 'agency', required: true },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
  propose: [
    {
      name: 'outcome',
      label: 'Đề xuất',
      kind: 'select',
      required: true,
      options: [
        ['grant', 'Giải quyết (cấp kết quả)'],
        ['deny', 'Không giải quyết'],
      ],
    },
    { name: 'note', label: 'Nội dung đề xuất', kind: 'textarea', required: true, min: 3 },
    { name: 'resultFileIds', label: 'Tệp kết quả (nếu có)', kind: 'file' },
  ],
  approve: [{ name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' }],
  send_back: [{ name: 'reason', label: 'Lý do trả lại', kind: 'textarea', required: true, min: 3 }],
  request_payment: [
    { name: 'amount', label: 'Số tiền (đồng; để trống = lệ phí theo thủ tục)', kind: 'number' },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
  extend: [
    { name: 'reason', label: 'Lý do gia hạn (in trên phiếu xin lỗi)', kind: 'textarea', required: true, min: 3 },
    { name: 'newDueAt', label: 'Hạn mới', kind: 'datetime', required: true },
  ],
  return_result: [
    {
      name: 'method',
      label: 'Hình thức trả kết quả',
      kind: 'select',
      required: true,
      options: [
        ['desk', 'Tại Bộ phận Một cửa'],
        ['post', 'Qua bưu chính'],
        ['online', 'Trực tuyến'],
      ],
    },
    { name: 'postalItemNumber', label: 'Số hiệu bưu gửi (khi trả qua bưu chính, ví dụ EE123456785VN)', kind: 'text' },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
};

const DOCUMENTS: [string, string][] = [
  ['receipt', 'Giấy tiếp nhận (Mẫu 01)'],
  ['control-slip', 'Phiếu kiểm soát'],
  ['supplement-request', 'Phiếu yêu cầu bổ sung'],
  ['refusal', 'Phiếu từ chối'],
  ['apology', 'Phiếu xin lỗi, hẹn lại'],
];

export function DeskDossierPage({ code }: { code: string }) {
  const officer = useOfficer();
  const [d, setD] = useState<any>(null);
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState('');
  const [action, setAction] = useState('');
  const [values, setValues] = useState<Record<string, any>>({});
  const [dlgError, setDlgError] = useState('');
  const [busy, setBusy] = useState(false);
  const [agencies, setAgencies] = useState<any[]>([]);
  const [specialists, setSpecialists] = useState<any[] | null>(null);
  const [specialistsError, setSpecialistsError] = useState('');
  const [proc, setProc] = useState<any>(null);
  useTitle(`Hồ sơ ${code}`);
  const load = () =>
    api(`/dossiers/${encodeURIComponent(code)}`, { token: officer!.token }).then(
      (x) => {
        setD(x);
        setError('');
        setConflict(false);
      },
      (e) => {
        if (e instanceof ApiError && e.status === 401) {
          session.setOfficer(null);
          navigate('/mot-cua/dang-nhap');
        }
        setError(errorText(e));
      },
    );
  useEffect(() => {
    if (officer) void load();
  }, [code]);
  useEffect(() => {
    if (!d) return;
    if (!proc) api(`/procedures/${encodeURIComponent(d.procedureCode)}`).then(setProc, () => undefined);
  }, [d]);
  useEffect(() => {
    if (action === 'transfer' && officer && !agencies.length) {
      api(`/units/${officer.officer.unitCode}`).then(
        async (u) => {
          const list = [...(u.agencies ?? [])];
          if (u.parentCode) {
            try {
              const p = await api(`/units/${u.parentCode}`);
              list.push(...(p.agencies ?? []));
            } catch {
              /* ignore */
            }
          }
          setAgencies(list);
        },
        () => setAgencies([]),
      );
    }
  }, [action]);
  useEffect(() => {
    if (action === 'assign' && officer && !specialists) {
      setSpecialistsError('');
      api('/officers?role=specialist', { token: officer.token }).then(
        (list) => setSpecialists(Array.isArray(list) ? list : []),
        (e) => setSpecialistsError(`Không tải được danh sách chuyên viên: ${errorText(e)}`),
      );
    }
  }, [action]);
  if (!officer) return null;
  if (error && !d) return <Alert>{error}</Alert>;
  if (!d) return <Loading />;
  const acts: string[] = d.availableActions ?? [];
  const inputs = ACTION_INPUTS[action] ?? [];

  function open(a: string) {
    setAction(a);
    setDlgError('');
    setValues(a === 'return_result' ? { method: d.resultDelivery ?? 'desk' } : a === 'propose' ? { outcome: 'grant' } : {});
  }
  async function confirm(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, any> = { version: d.version };
    for (const i of inputs) {
      const v = values[i.name];
      const empty = v === undefined || v === '' || (Array.isArray(v) && !v.length);
      if (empty) {
        if (i.required) return setDlgError(`Vui lòng nhập: ${i.label}.`);
        continue;
      }
      if (i.min && String(v).trim().length < i.min) return setDlgError(`${i.label}: ít nhất ${i.min} ký tự.`);
      if (i.kind === 'datetime') body[i.name] = `${v}:00+07:00`;
      else if (i.kind === 'number') body[i.name] = Number(v);
      else body[i.name] = typeof v === 'string' ? v.trim() : v;
    }
    setBusy(true);
    setDlgError('');
    try {
      const r = await api(`/dossiers/${encodeURIComponent(code)}/${action.replace(/_/g, '-')}`, { body, token: officer!.token });
      setD(r);
      setAction('');
      setNotice(`Đã thực hiện: ${actionName(action)}. Trạng thái mới: ${r.statusName ?? STATUS_NAMES[r.status] ?? r.status}.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setAction('');
        setConflict(true);
      } else if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length)
        setDlgError(err.problem.errors.map((x) => `${x.field}: ${serverMessage(x.message)}`).join(' '));
      else setDlgError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  async function uploadResult(list: FileList | null) {
    if (!list?.length) return;
    try {
      const ids: string[] = [];
      for (const f of Array.from(list)) {
        const fd = new FormData();
        fd.append('file', f, f.name);
        ids.push((await api('/files', { body: fd, token: officer!.token })).id);
      }
      setValues((v) => ({ ...v, resultFileIds: [...(v.resultFileIds ?? []), ...ids] }));
    } catch (e) {
      setDlgError(errorText(e));
    }
  }
  const set = (k: string, v: any) => setValues((old) => ({ ...old, [k]: v }));
  return (
    <article>
      <p>
        <Link to="/mot-cua">← Danh sách hồ sơ</Link>
      </p>
      <h1>Hồ sơ {d.code}</h1>
      {conflict && (
        <Alert>
          <p>{CONFLICT}.</p>
          <button
            className="primary"
            onClick={() => {
              setNotice('');
              void load();
            }}
          >
            Tải lại
          </button>
        </Alert>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      <DossierFacts d={d} />
      <section aria-labelledby="acts-h">
        <h2 id="acts-h">Xử lý hồ sơ</h2>
        {acts.length === 0 && <p className="muted">Không có thao tác nào cho hồ sơ ở trạng thái này.</p>}
        <div className="row actions">
          {acts.map((a) => (
            <button key={a} className={a === 'refuse' ? 'danger' : 'primary'} onClick={() => open(a)}>
              {actionName(a)}
            </button>
          ))}
        </div>
        <h3>In phiếu</h3>
        <div className="row">
          {DOCUMENTS.map(([f, l]) => (
            <button
              key={f}
              onClick={() =>
                openBlob(`/dossiers/${encodeURIComponent(code)}/documents/${f}`, officer.token).catch((e) =>
                  setError(e instanceof ApiError && (e.status === 404 || e.status === 409) ? `${l}: chưa có cho hồ sơ này.` : errorText(e)),
                )
              }
            >
              {l}
            </button>
          ))}
        </div>
      </section>
      <h2>Thông tin người nộp</h2>
      <dl className="facts">
        <div>
          <dt>Họ và tên</dt>
          <dd>{d.applicant?.fullName}</dd>
        </div>
        <div>
          <dt>Số định danh</dt>
          <dd>{d.applicant?.idNumber}</dd>
        </div>
        <div>
          <dt>Điện thoại</dt>
          <dd>{String(d.applicant?.phone ?? '').replace(/^84/, '0')}</dd>
        </div>
        <div>
          <dt>Địa chỉ</dt>
          <dd>{d.applicant?.address}</dd>
        </div>
      </dl>
      <h2>Thành phần hồ sơ</h2>
      <ul>
        {(d.components ?? []).map((c: any) => (
          <li key={c.code}>
            {proc?.components?.find((x: any) => x.code === c.code)?.name ?? c.code}:{' '}
            {(c.fileIds ?? []).map((id: string, i: number) => (
              <button key={id + i} className="link" onClick={() => openBlob(`/files/${id}`, officer.token).catch((e) => setError(errorText(e)))}>
                Tệp {i + 1}
              </button>
            ))}
          </li>
        ))}
      </ul>
      {(d.proposal?.resultFileIds?.length ?? 0) > 0 && <ResultFiles code={d.code} token={officer.token} version={d.version} citizen={false} />}
      <h2>Tờ khai</h2>
      <FormView value={d.form} schema={proc?.formSchema} />
      <h2>Phiếu kiểm soát quá trình giải quyết</h2>
      {(d.controlSlip ?? []).length === 0 ? (
        <p className="muted">Chưa có bước giao nhận.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Bên giao</th>
                <th scope="col">Bên nhận</th>
                <th scope="col">Thời gian</th>
                <th scope="col">Thao tác</th>
                <th scope="col">Người giao</th>
              </tr>
            </thead>
            <tbody>
              {d.controlSlip.map((s: any, i: number) => (
                <tr key={i}>
                  <td>{s.fromAgencyName}</td>
                  <td>{s.toAgencyName}</td>
                  <td>{fmtDateTime(s.at)}</td>
                  <td>{actionName(s.action)}</td>
                  <td>{s.givenBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Lịch sử</h2>
      <History code={d.code} token={officer.token} version={d.version} />
      <h2>Phí, lệ phí và thanh toán</h2>
      <FeesTable d={d} />

      <Dialog title={`Xác nhận: ${actionName(action)}`} open={!!action} onClose={() => setAction('')}>
        <form onSubmit={confirm} noValidate>
          <p>
            Hồ sơ <strong>{d.code}</strong> — {d.applicantName ?? d.applicant?.fullName}
          </p>
          {dlgError && <Alert>{dlgError}</Alert>}
          {action === 'assign' && specialistsError && <Alert>{specialistsError}</Alert>}
          {inputs.map((i) => {
            const id = `act-${i.name}`;
            const lbl = (
              <label htmlFor={id}>
                {i.label}
                {i.required && <span className="req"> *</span>}
              </label>
            );
            if (i.kind === 'textarea')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <textarea id={id} rows={3} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
                </div>
              );
            if (i.kind === 'select')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <select id={id} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)}>
                    {i.options!.map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                </div>
              );
            if (i.kind === 'number')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <input id={id} type="number" min={1} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
                </div>
              );
            if (i.kind === 'datetime')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <input id={id} type="datetime-local" value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
                </div>
              );
            if (i.kind === 'agency')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <select id={id} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)}>
                    <option value="">— Chọn —</option>
                    {agencies
                      .filter((a) => a.code !== d.currentAgencyCode)
                      .map((a) => (
                        <option key={a.code} value={a.code}>
                          {a.name} ({a.code})
                        </option>
                      ))}
                  </select>
                </div>
              );
            if (i.kind === 'officer')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <select
                    id={id}
                    value={values[i.name] ?? ''}
                    onChange={(e) => set(i.name, e.target.value)}
                    aria-busy={!specialists && !specialistsError}
                    required={i.required}
                  >
                    <option value="">{specialists ? (specialists.length ? '— Chọn chuyên viên —' : 'Không có chuyên viên nào') : 'Đang tải danh sách…'}</option>
                    {(specialists ?? []).map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.fullName} ({o.username})
                      </option>
                    ))}
                  </select>
                </div>
              );
            if (i.kind === 'components')
              return (
                <fieldset key={i.name} className="fieldset">
                  <legend>{i.label} *</legend>
                  {(proc?.components ?? []).map((c: any) => (
                    <div key={c.code} className="field-check">
                      <input
                        type="checkbox"
                        id={`miss-${c.code}`}
                        checked={(values.components ?? []).includes(c.code)}
                        onChange={(e) =>
                          set(
                            'components',
                            e.target.checked ? [...(values.components ?? []), c.code] : (values.components ?? []).filter((x: string) => x !== c.code),
                          )
                        }
                      />
                      <label htmlFor={`miss-${c.code}`}>{c.name}</label>
                    </div>
                  ))}
                </fieldset>
              );
            if (i.kind === 'file')
              return (
                <div key={i.name} className="field">
                  {lbl}
                  <input id={id} type="file" multiple accept="application/pdf,image/jpeg,image/png" onChange={(e) => uploadResult(e.target.files)} />
                  {(values.resultFileIds ?? []).length > 0 && <p className="ok">Đã tải lên {values.resultFileIds.length} tệp.</p>}
                </div>
              );
            return (
              <div key={i.name} className="field">
                {lbl}
                <input id={id} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
              </div>
            );
          })}
          <div className="row">
            <button className="primary" type="submit" disabled={busy}>
              Xác nhận
            </button>
            <button type="button" onClick={() => setAction('')}>
              Hủy
            </button>
          </div>
        </form>
      </Dialog>
    </article>
  );
}

function FormView({ value, schema }: { value: any; schema?: any }) {
  if (!value || typeof value !== 'object') return <p className="muted">—</p>;
  return (
    <dl className="facts form-view">
      {Object.entries(value).map(([k, v]) => {
        const sub = schema?.properties?.[k];
        const title = sub?.title ?? k;
        if (v && typeof v === 'object')
          return (
            <div key={k} className="nested">
              <dt>{title}</dt>
              <dd>
                <FormView value={v} schema={sub} />
              </dd>
            </div>
          );
        const text =
          typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('/') : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : String(v);
        return (
          <div key={k}>
            <dt>{title}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
