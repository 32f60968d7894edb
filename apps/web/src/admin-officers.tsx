import { FormEvent, ReactElement, useEffect, useState } from 'react';
import { api, ApiError, errorText, OFFICER_COOKIE } from './api';
import { Alert, Dialog, Loading, useTitle } from './ui';

interface OfficerAccount {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  roles: string[];
  agencyCode: string;
  agencyName: string | null;
  active: boolean;
  passwordChangeRequired: boolean;
  secondFactor: boolean;
  lockedUntil: string | null;
}

const ROLES: ReadonlyArray<[string, string]> = [
  ['receiving_officer', 'Công chức tiếp nhận hồ sơ'],
  ['specialist', 'Công chức xử lý hồ sơ'],
  ['leader', 'Lãnh đạo'],
  ['unit_admin', 'Quản trị đơn vị'],
  ['admin', 'Quản trị hệ thống'],
  ['auditor', 'Kiểm tra nhật ký quản trị'],
];
const roleName = (r: string) => ROLES.find(([k]) => k === r)?.[1] ?? r;

/** The one-time password an administrator hands to the officer, shown once. */
interface Handover {
  username: string;
  password: string;
}

/** Officer accounts of the administrator's scope: find, create, edit roles and agency, deactivate, reset a password. */
export function AdminOfficersPage() {
  useTitle('Quản trị tài khoản cán bộ');
  const [q, setQ] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [rows, setRows] = useState<OfficerAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<OfficerAccount | 'new' | null>(null);
  const [handover, setHandover] = useState<Handover | null>(null);

  const load = async () => {
    setError(null);
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (active) params.set('active', active);
    try {
      setRows(await api<OfficerAccount[]>(`/admin/officers?${params}`, { token: OFFICER_COOKIE }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const resetPassword = async (o: OfficerAccount) => {
    if (!confirm(`Đặt lại mật khẩu của ${o.username}? Cán bộ phải đổi mật khẩu ở lần đăng nhập tới.`)) return;
    try {
      const done = await api<{ temporaryPassword: string }>(`/admin/officers/${o.id}/password-reset`, { method: 'POST', body: {}, token: OFFICER_COOKIE });
      setHandover({ username: o.username, password: done.temporaryPassword });
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section>
      <h1>Tài khoản cán bộ</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <div className="field">
          <label htmlFor="officer-search">Tìm theo tên đăng nhập hoặc họ tên</label>
          <input id="officer-search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={64} />
        </div>
        <div className="field">
          <label htmlFor="officer-active-filter">Trạng thái</label>
          <select id="officer-active-filter" value={active} onChange={(e) => setActive(e.target.value as '' | 'true' | 'false')}>
            <option value="">Tất cả</option>
            <option value="true">Đang hoạt động</option>
            <option value="false">Đã khoá</option>
          </select>
        </div>
        <button className="primary" type="submit">
          Tìm
        </button>
        <button type="button" onClick={() => setEditing('new')}>
          Thêm cán bộ
        </button>
      </form>
      {error && <Alert>{error}</Alert>}
      {handover && (
        <Alert kind="success">
          Mật khẩu tạm thời của <strong>{handover.username}</strong>: <code data-testid="temporary-password">{handover.password}</code>. Mật khẩu chỉ hiển thị
          một lần; hãy trao trực tiếp cho cán bộ.
        </Alert>
      )}
      {rows === null ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>Không có tài khoản nào.</p>
      ) : (
        <table className="table">
          <caption className="sr-only">Danh sách tài khoản cán bộ</caption>
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Họ tên, chức danh</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td>{o.username}</td>
                <td>
                  {o.fullName}
                  {o.title && (
                    <>
                      <br />
                      <span className="muted">{o.title}</span>
                    </>
                  )}
                </td>
                <td>
                  {o.agencyName ?? o.agencyCode}
                  <br />
                  <span className="muted">{o.agencyCode}</span>
                </td>
                <td>{o.roles.map(roleName).join(', ')}</td>
                <td>
                  {o.active ? 'Đang hoạt động' : 'Đã khoá'}
                  {o.passwordChangeRequired && (
                    <>
                      <br />
                      <span className="muted">Chờ đổi mật khẩu</span>
                    </>
                  )}
                  {o.secondFactor && (
                    <>
                      <br />
                      <span className="muted">Có xác thực hai yếu tố</span>
                    </>
                  )}
                  {o.lockedUntil && new Date(o.lockedUntil) > new Date() && (
                    <>
                      <br />
                      <span className="muted">Tạm khoá do sai mật khẩu</span>
                    </>
                  )}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(o)} aria-label={`Sửa ${o.username}`}>
                    Sửa
                  </button>{' '}
                  <button type="button" className="link" onClick={() => void resetPassword(o)} aria-label={`Đặt lại mật khẩu ${o.username}`}>
                    Đặt lại mật khẩu
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog title={editing === 'new' ? 'Thêm cán bộ' : 'Sửa tài khoản cán bộ'} open={editing !== null} onClose={() => setEditing(null)}>
        {editing !== null && (
          <OfficerForm
            key={editing === 'new' ? 'new' : editing.id}
            officer={editing === 'new' ? null : editing}
            onDone={(h) => {
              setEditing(null);
              if (h) setHandover(h);
              void load();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

function OfficerForm({ officer, onDone, onCancel }: { officer: OfficerAccount | null; onDone: (h: Handover | null) => void; onCancel: () => void }) {
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState(officer?.fullName ?? '');
  const [title, setTitle] = useState(officer?.title ?? '');
  const [agencyCode, setAgencyCode] = useState(officer?.agencyCode ?? '');
  const [roles, setRoles] = useState<string[]>(officer?.roles ?? ['receiving_officer']);
  const [active, setActive] = useState(officer?.active ?? true);
  const [problem, setProblem] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);

  const fieldError = (field: string) => (problem instanceof ApiError ? problem.problem.errors?.find((f) => f.field === field)?.message : undefined);
  const toggle = (role: string) => setRoles((rs) => (rs.includes(role) ? rs.filter((r) => r !== role) : [...rs, role]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      if (officer) {
        await api(`/admin/officers/${officer.id}`, { method: 'PATCH', body: { fullName, title, agencyCode, roles, active }, token: OFFICER_COOKIE });
        onDone(null);
      } else {
        const made = await api<{ username: string; temporaryPassword?: string }>('/admin/officers', {
          method: 'POST',
          body: { username, fullName, title: title || undefined, agencyCode, roles },
          token: OFFICER_COOKIE,
        });
        onDone(made.temporaryPassword ? { username: made.username, password: made.temporaryPassword } : null);
      }
    } catch (err) {
      setProblem(err instanceof ApiError ? err : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const inputProps = (field: string) => ({
    id: `officer-${field}`,
    'aria-invalid': Boolean(fieldError(field)),
    'aria-describedby': fieldError(field) ? `officer-${field}-error` : undefined,
  });
  return (
    <form onSubmit={submit} noValidate>
      {problem && <Alert>{problemText(problem)}</Alert>}
      {!officer && (
        <Field id="username" label="Tên đăng nhập" error={fieldError('username')}>
          <input {...inputProps('username')} value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" />
        </Field>
      )}
      <Field id="fullName" label="Họ và tên" error={fieldError('fullName')}>
        <input {...inputProps('fullName')} value={fullName} onChange={(e) => setFullName(e.target.value)} required autoComplete="off" />
      </Field>
      <Field id="title" label="Chức danh (in trên phiếu)" error={fieldError('title')}>
        <input {...inputProps('title')} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="agencyCode" label="Mã định danh cơ quan" error={fieldError('agencyCode')}>
        <input
          {...inputProps('agencyCode')}
          value={agencyCode}
          onChange={(e) => setAgencyCode(e.target.value)}
          required
          placeholder="001.35.22.H26"
          autoComplete="off"
        />
      </Field>
      <fieldset className="fieldset">
        <legend>Vai trò</legend>
        {ROLES.map(([key, name]) => (
          <div className="field-check" key={key}>
            <input type="checkbox" id={`officer-role-${key}`} checked={roles.includes(key)} onChange={() => toggle(key)} />
            <label htmlFor={`officer-role-${key}`}>{name}</label>
          </div>
        ))}
        {fieldError('roles') && <p className="field-error">{fieldError('roles')}</p>}
      </fieldset>
      {officer && (
        <div className="field-check">
          <input type="checkbox" id="officer-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <label htmlFor="officer-active">Đang hoạt động (bỏ chọn để khoá tài khoản)</label>
        </div>
      )}
      <p>
        <button className="primary" type="submit" disabled={busy}>
          {officer ? 'Lưu' : 'Tạo tài khoản'}
        </button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          Huỷ
        </button>
      </p>
    </form>
  );
}

/** A conflict or a refusal from the administration API says what is wrong in its detail (a username taken, a role out of reach). */
function problemText(problem: ApiError | string): string {
  if (typeof problem === 'string') return problem;
  if ((problem.status === 409 || problem.status === 403) && problem.problem.detail) return problem.problem.detail;
  return errorText(problem);
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactElement }) {
  return (
    <div className="field">
      <label htmlFor={`officer-${id}`}>{label}</label>
      {children}
      {error && (
        <p className="field-error" id={`officer-${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
