// Parts of the dossier form shared by the citizen's online submission and the desk's intake of a walk-in dossier.
import { useState } from 'react';
import { api, errorText } from './api';
import { clean, Errors, serverMessage, Values } from './SchemaForm';

export interface Uploaded {
  id: string;
  name: string;
  size: number;
}

export function ComponentUploads({
  components,
  files,
  setFiles,
  token,
  errors,
  requiredOnly = false,
}: {
  components: any[];
  files: Record<string, Uploaded[]>;
  setFiles: (f: Record<string, Uploaded[]>) => void;
  token: string;
  errors: Errors;
  requiredOnly?: boolean;
}) {
  const [busy, setBusy] = useState<string>('');
  const [uploadError, setUploadError] = useState<Record<string, string>>({});
  async function upload(code: string, list: FileList | null) {
    if (!list?.length) return;
    setBusy(code);
    setUploadError((u) => ({ ...u, [code]: '' }));
    const added: Uploaded[] = [];
    try {
      for (const f of Array.from(list)) {
        const fd = new FormData();
        fd.append('file', f, f.name);
        const r = await api('/files', { body: fd, token });
        added.push({ id: r.id, name: r.name ?? f.name, size: r.size });
      }
    } catch (e) {
      setUploadError((u) => ({ ...u, [code]: errorText(e) }));
    } finally {
      setBusy('');
    }
    setFiles({ ...files, [code]: [...(files[code] ?? []), ...added] });
  }
  return (
    <>
      {components
        .filter((c) => !requiredOnly || c.required)
        .map((c) => {
          const id = `file-${c.code}`;
          const err = uploadError[c.code] || errors[`components.${c.code}`];
          return (
            <div key={c.code} className={`field upload${err ? ' has-error' : ''}`}>
              <label htmlFor={id}>
                {c.name}
                {c.required ? <span className="req"> * (bắt buộc)</span> : <span className="muted"> (nếu có)</span>}
              </label>
              <input
                id={id}
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                multiple
                onChange={(e) => {
                  void upload(c.code, e.target.files);
                  e.target.value = '';
                }}
                disabled={busy === c.code}
              />
              {busy === c.code && (
                <p className="muted" role="status">
                  Đang tải lên…
                </p>
              )}
              {(files[c.code] ?? []).length > 0 && (
                <ul className="files" aria-label={`Tệp đã tải lên cho ${c.name}`}>
                  {files[c.code].map((f) => (
                    <li key={f.id}>
                      <span className="ok">✓ Đã tải lên: {f.name}</span>{' '}
                      <button type="button" className="link" onClick={() => setFiles({ ...files, [c.code]: files[c.code].filter((x) => x.id !== f.id) })}>
                        Xóa<span className="sr-only"> {f.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {err && <p className="field-error">{err}</p>}
            </div>
          );
        })}
    </>
  );
}

/** Maps the server's 422 field errors onto the form's field keys. */
export function mapServerErrors(list: { field: string; message: string }[], components: any[]): Errors {
  const out: Errors = {};
  for (const { field, message } of list) {
    let key = field.replace(/^form\./, 'form:').replace(/\[(\d+)\]/g, '.$1');
    if (field === 'components') {
      const m = /component (\S+)/.exec(message);
      const comp = m && components.find((c) => c.code === m[1]);
      key = comp ? `components.${comp.code}` : 'components';
    }
    const text = serverMessage(message);
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}

const APPLICANT_FIELDS: [string, string, string, string?][] = [
  ['fullName', 'Họ và tên người nộp', 'text', 'name'],
  ['idNumber', 'Số định danh cá nhân (CCCD, 12 số)', 'text'],
  ['phone', 'Số điện thoại di động', 'tel', 'tel'],
  ['email', 'Thư điện tử (nếu có)', 'email', 'email'],
  ['address', 'Địa chỉ liên hệ', 'text', 'street-address'],
];

export function validateApplicant(a: Values): Errors {
  const e: Errors = {};
  if (!a.fullName || a.fullName.trim().length < 2) e['applicant.fullName'] = 'Vui lòng nhập họ và tên (ít nhất 2 ký tự).';
  if (!/^\d{12}$/.test(a.idNumber ?? '')) e['applicant.idNumber'] = 'Số định danh cá nhân gồm đúng 12 chữ số.';
  if (!/^(0|84)(3|5|7|8|9)\d{8}$/.test(a.phone ?? '')) e['applicant.phone'] = 'Số điện thoại di động không hợp lệ.';
  if (a.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.email)) e['applicant.email'] = 'Địa chỉ thư điện tử không hợp lệ.';
  if (!a.address || a.address.trim().length < 5) e['applicant.address'] = 'Vui lòng nhập địa chỉ (ít nhất 5 ký tự).';
  return e;
}

/**
 * The applicant's identity and contact fields (ids `app-<field>`), with their inline messages. `readOnly` fields are
 * shown but not edited: online, the phone is the signed-in one (the API refuses any other).
 */
export function ApplicantFieldset({
  value,
  onChange,
  errors,
  readOnly = [],
}: {
  value: Values;
  onChange: (v: Values) => void;
  errors: Errors;
  readOnly?: string[];
}) {
  return (
    <fieldset className="fieldset">
      <legend>Thông tin người nộp hồ sơ</legend>
      <div className="grid2">
        {APPLICANT_FIELDS.map(([k, l, t, ac]) => {
          const err = errors[`applicant.${k}`];
          return (
            <div key={k} className={`field${err ? ' has-error' : ''}`}>
              <label htmlFor={`app-${k}`}>
                {l}
                {k !== 'email' && (
                  <span className="req" aria-hidden="true">
                    {' '}
                    *
                  </span>
                )}
              </label>
              <input
                id={`app-${k}`}
                type={t}
                autoComplete={ac}
                value={value[k] ?? ''}
                readOnly={readOnly.includes(k) || undefined}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `app-${k}-err` : undefined}
                onChange={(e) => onChange({ ...value, [k]: e.target.value })}
              />
              {err && (
                <p className="field-error" id={`app-${k}-err`}>
                  {err}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The body of POST /dossiers and POST /desk/dossiers: components with at least one file. */
export function componentsBody(files: Record<string, Uploaded[]>) {
  return Object.entries(files)
    .filter(([, l]) => l.length)
    .map(([code, l]) => ({ code, fileIds: l.map((f) => f.id) }));
}

/** The body of POST /dossiers and POST /desk/dossiers from the screen's state. */
export function submissionBody(input: {
  procedureCode: string;
  agencyCode: string;
  formSchema: unknown;
  applicant: Record<string, unknown>;
  form: Values;
  files: Record<string, Uploaded[]>;
  delivery: string;
}) {
  return {
    procedureCode: input.procedureCode,
    agencyCode: input.agencyCode,
    applicant: Object.fromEntries(Object.entries(input.applicant).filter(([, v]) => v !== '' && v !== undefined)),
    form: clean((input.formSchema ?? {}) as Parameters<typeof clean>[0], input.form),
    components: componentsBody(input.files),
    resultDelivery: input.delivery,
  };
}

/** After a refused submit, the keyboard lands on the first field in error. */
export function focusFirstError() {
  setTimeout(() => (document.querySelector('.has-error input, .has-error select, .has-error textarea') as HTMLElement | null)?.focus(), 0);
}

/** How the applicant receives the result (the same three ways online and at the desk). */
export function ResultDeliverySelect({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Hình thức nhận kết quả</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="desk">Nhận tại Bộ phận Một cửa</option>
        <option value="post">Nhận qua bưu chính</option>
        <option value="online">Nhận trực tuyến</option>
      </select>
    </div>
  );
}
