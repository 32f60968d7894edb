// One dossier at the desk: its facts, the actions the officer may take now, forms, history and fees.
import { FormEvent, useEffect, useState } from 'react';
import { actionName, api, ApiError, errorText, fmtDateTime, openBlob, session, STATUS_NAMES } from './api';
import { DossierFacts, FeesTable, History } from './citizen-dossiers';
import { Link, navigate } from './router';
import { ResultFiles } from './results';
import { serverMessage } from './SchemaForm';
import { Alert, Dialog, Loading, useTitle } from './ui';
import { ACTION_INPUTS, ActionInputField, DOCUMENTS } from './desk-action-inputs';
import { useOfficer } from './use-officer';

const CONFLICT = 'Hồ sơ đã được người khác cập nhật, vui lòng tải lại';
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
          {inputs.map((i) => (
            <ActionInputField
              key={i.name}
              input={i}
              values={values}
              set={set}
              agencies={agencies}
              currentAgencyCode={d.currentAgencyCode}
              specialists={specialists}
              specialistsError={specialistsError}
              components={proc?.components ?? []}
              onResultFiles={(list) => void uploadResult(list)}
            />
          ))}
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
