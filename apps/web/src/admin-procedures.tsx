// Administrators keep the city's procedure catalogue: find a procedure, edit its fees, time and components as a
// draft (one open draft per procedure), preview it as the citizen would see it, and publish it from a date.
import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText, session } from './api';
import { Component, ComponentsEditor, Fee, FeesEditor, FieldErrors, PreviewView, Time, TimeEditor } from './admin-procedure-editors';
import { asJsonText, JsonEditor, parseJson } from './admin-procedure-json';
import { useOfficer } from './use-officer';
import { Link, navigate } from './router';
import { Alert, Loading, useTitle } from './ui';

const PATH = '/mot-cua/quan-tri/thu-tuc';
const hanoiToday = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const hanoiNowLocal = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);
const ddmmyyyy = (ymd: string) => ymd.split('-').reverse().join('/');

export function AdminProceduresPage({ code }: { code: string | null }) {
  useTitle('Quản trị danh mục thủ tục hành chính');
  const officer = useOfficer();
  if (!officer) return null;
  if (!officer.officer.roles.includes('admin')) {
    return (
      <>
        <h1>Quản trị danh mục thủ tục hành chính</h1>
        <Alert>Chỉ quản trị viên hệ thống được sửa danh mục thủ tục của Thành phố.</Alert>
      </>
    );
  }
  return code ? <DraftEditor key={code} code={code} /> : <CatalogueSearch />;
}

function CatalogueSearch() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<any>(null);
  const [error, setError] = useState('');
  const load = (query: string, p: number) => {
    setError('');
    api(`/procedures?q=${encodeURIComponent(query)}&page=${p}&pageSize=20`).then(
      (r) => {
        setResult(r);
        setPage(p);
      },
      (e) => setError(errorText(e)),
    );
  };
  useEffect(() => load('', 1), []);
  const search = (e: FormEvent) => {
    e.preventDefault();
    load(q, 1);
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <>
      <h1>Quản trị danh mục thủ tục hành chính</h1>
      <form role="search" className="search" onSubmit={search}>
        <label htmlFor="admin-q">Tìm thủ tục (có dấu hoặc không dấu)</label>
        <div className="row">
          <input id="admin-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Ví dụ: trich luc ho tich" />
          <button type="submit" className="primary">
            Tìm kiếm
          </button>
        </div>
      </form>
      {error && <Alert>{error}</Alert>}
      {!result ? (
        <Loading />
      ) : (
        <>
          <p className="muted" role="status">
            Tìm thấy {result.total} thủ tục · trang {page}/{pages}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">Danh mục thủ tục</caption>
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Tên thủ tục</th>
                  <th scope="col">Lĩnh vực</th>
                  <th scope="col">Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((p: any) => (
                  <tr key={p.code}>
                    <td>{p.code}</td>
                    <td>{p.name}</td>
                    <td>{p.field}</td>
                    <td>
                      <Link to={`${PATH}?ma=${encodeURIComponent(p.code)}`} aria-label={`Sửa thủ tục ${p.code}`}>
                        Sửa
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <button type="button" disabled={page <= 1} onClick={() => load(q, page - 1)}>
              Trang trước
            </button>
            <button type="button" disabled={page >= pages} onClick={() => load(q, page + 1)}>
              Trang sau
            </button>
          </div>
        </>
      )}
    </>
  );
}

function DraftEditor({ code }: { code: string }) {
  const officer = session.officer()!;
  const base = `/admin/procedures/${encodeURIComponent(code)}`;
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<any>(null);
  const [fees, setFees] = useState<Fee[]>([]);
  const [time, setTime] = useState<Time>({});
  const [components, setComponents] = useState<Component[]>([]);
  const [formSchemaText, setFormSchemaText] = useState('');
  const [workflowText, setWorkflowText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [preview, setPreview] = useState<any>(null);
  const [sampleAt, setSampleAt] = useState(hanoiNowLocal());
  const [effectiveFrom, setEffectiveFrom] = useState(hanoiToday(1));
  const [busy, setBusy] = useState(false);

  const reload = async () => {
    const d = await api(`${base}/draft`, { token: officer.token });
    setDraft(d);
    setFees(d.edits.fees);
    setTime(d.edits.processingTime);
    setComponents(d.edits.components);
    setFormSchemaText(asJsonText(d.edits.formSchema));
    setWorkflowText(asJsonText(d.edits.workflow));
    setErrors({});
    return d;
  };
  useEffect(() => {
    api(`/procedures/${encodeURIComponent(code)}`).then(
      (p) => setName(p.name),
      () => undefined,
    );
    reload().catch((e) => setMessage({ kind: 'error', text: errorText(e) }));
  }, []);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors) {
        setErrors(Object.fromEntries(err.problem.errors.map((x) => [x.field, x.message])));
        setMessage({ kind: 'error', text: `Chưa lưu được, thông tin chưa hợp lệ: ${err.problem.errors.map((x) => `${x.field} — ${x.message}`).join('; ')}` });
      } else if (err instanceof ApiError && err.status === 409) {
        setMessage({ kind: 'error', text: `Bản nháp đã thay đổi: ${err.problem.detail ?? ''} Hãy tải lại bản nháp.` });
      } else if (err instanceof ApiError && err.status === 401) {
        session.setOfficer(null);
        navigate(`/mot-cua/dang-nhap?next=${encodeURIComponent(`${PATH}?ma=${code}`)}`);
      } else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    const formSchema = parseJson(formSchemaText);
    const workflow = parseJson(workflowText);
    if ('error' in formSchema || 'error' in workflow) {
      const local: FieldErrors = {};
      if ('error' in formSchema) local.formSchema = formSchema.error;
      if ('error' in workflow) local.workflow = workflow.error;
      setErrors(local);
      setMessage({ kind: 'error', text: 'Chưa lưu được: biểu mẫu hoặc quy trình không phải JSON hợp lệ.' });
      return;
    }
    void run(async () => {
      const d = await api(`${base}/draft`, {
        method: 'PUT',
        token: officer.token,
        body: { revision: draft.revision, fees, processingTime: time, components, formSchema: formSchema.value, workflow: workflow.value },
      });
      setDraft(d);
      setErrors({});
      setPreview(null);
      setMessage({ kind: 'success', text: `Đã lưu bản nháp (lần lưu thứ ${d.revision}). Thủ tục đang áp dụng chưa thay đổi cho đến khi ban hành.` });
    });
  };
  const showPreview = () =>
    run(async () => {
      const at = `${sampleAt}:00+07:00`;
      setPreview(await api(`${base}/draft/preview?receivedAt=${encodeURIComponent(at)}`, { token: officer.token }));
    });
  const publish = () =>
    run(async () => {
      const r = await api(`${base}/publish`, { token: officer.token, body: { effectiveFrom, revision: draft.revision } });
      setPreview(null);
      await reload();
      setMessage({
        kind: 'success',
        text: `Đã ban hành phiên bản ${r.version}, áp dụng cho hồ sơ tiếp nhận từ ngày ${ddmmyyyy(effectiveFrom)}. Hồ sơ đã tiếp nhận trước đó giữ phiên bản cũ.`,
      });
    });
  const discard = () =>
    run(async () => {
      await api(`${base}/draft`, { method: 'DELETE', token: officer.token });
      setPreview(null);
      await reload();
      setMessage({ kind: 'info', text: 'Đã hủy bản nháp.' });
    });

  return (
    <>
      <p>
        <Link to={PATH}>← Danh mục thủ tục</Link>
      </p>
      <h1>Sửa thủ tục {code}</h1>
      {name && <p className="muted">{name}</p>}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {!draft ? (
        <Loading />
      ) : (
        <>
          <p role="status">
            {draft.open
              ? `Bản nháp đang mở (lần lưu thứ ${draft.revision}, dựa trên phiên bản ${draft.baseVersion}).`
              : `Chưa có bản nháp; nội dung dưới đây là phiên bản ${draft.baseVersion}. Lưu để mở bản nháp.`}
            {draft.scheduled && ` Phiên bản ${draft.scheduled.version} đã ban hành, áp dụng từ ${ddmmyyyy(draft.scheduled.effectiveFrom.slice(0, 10))}.`}
          </p>
          <form onSubmit={save} noValidate>
            <FeesEditor fees={fees} onChange={setFees} errors={errors} />
            <TimeEditor time={time} onChange={setTime} errors={errors} />
            <ComponentsEditor components={components} onChange={setComponents} errors={errors} />
            <JsonEditor
              field="formSchema"
              label="Biểu mẫu điện tử"
              hint="JSON Schema 2020-12 của tờ khai; được biên dịch khi lưu, lỗi chỉ ra vị trí (JSON pointer)."
              text={formSchemaText}
              onChange={setFormSchemaText}
              errors={errors}
            />
            <JsonEditor
              field="workflow"
              label="Quy trình giải quyết"
              hint="Các bước: cấp, lĩnh vực của cơ quan thực hiện và tỷ lệ thời gian (tổng 100%); bắt đầu và kết thúc tại Bộ phận Một cửa."
              text={workflowText}
              onChange={setWorkflowText}
              errors={errors}
            />
            <div className="row">
              <button type="submit" className="primary" disabled={busy}>
                Lưu bản nháp
              </button>
              {draft.open && (
                <button type="button" className="danger" disabled={busy} onClick={discard}>
                  Hủy bản nháp
                </button>
              )}
            </div>
          </form>
          {draft.open && (
            <>
              <fieldset className="fieldset">
                <legend>Xem trước</legend>
                <div className="field">
                  <label htmlFor="sample-at">Thời điểm tiếp nhận mẫu</label>
                  <input id="sample-at" type="datetime-local" value={sampleAt} onChange={(e) => setSampleAt(e.target.value)} />
                </div>
                <button type="button" disabled={busy} onClick={showPreview}>
                  Xem trước
                </button>
              </fieldset>
              {preview && <PreviewView preview={preview} />}
              <fieldset className="fieldset">
                <legend>Ban hành</legend>
                <div className="field">
                  <label htmlFor="effective-from">Áp dụng từ ngày</label>
                  <input
                    id="effective-from"
                    type="date"
                    min={hanoiToday()}
                    value={effectiveFrom}
                    onChange={(e) => setEffectiveFrom(e.target.value)}
                    {...(errors.effectiveFrom ? { 'aria-invalid': true, 'aria-describedby': 'effective-from-error' } : {})}
                  />
                  {errors.effectiveFrom && (
                    <p className="field-error" id="effective-from-error">
                      {errors.effectiveFrom}
                    </p>
                  )}
                </div>
                <button type="button" className="primary" disabled={busy} onClick={publish}>
                  Ban hành
                </button>
              </fieldset>
            </>
          )}
        </>
      )}
    </>
  );
}
