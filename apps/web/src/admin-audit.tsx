import { FormEvent, useEffect, useState } from 'react';
import type { AuditRecordView } from '../../../libs/audit/src/audit-entry';
import { api, errorText, fmtDateTime, OFFICER_COOKIE } from './api';
import { Alert, Loading, useTitle } from './ui';

type AuditRecord = AuditRecordView;
interface AuditPage {
  items: AuditRecord[];
  nextCursor: string | null;
}

const ENTITIES: ReadonlyArray<[string, string]> = [
  ['officer', 'Tài khoản cán bộ'],
  ['agency', 'Cơ quan, bộ phận'],
  ['procedure', 'Thủ tục hành chính'],
  ['calendar_year', 'Lịch ngày nghỉ, ngày làm bù'],
  ['office_hours', 'Giờ làm việc của đơn vị'],
  ['sms_template', 'Mẫu tin nhắn SMS'],
  ['reorganization', 'Sắp xếp đơn vị hành chính'],
];
const ACTIONS: Readonly<Record<string, string>> = {
  create: 'Tạo mới',
  update: 'Sửa',
  roles_change: 'Đổi vai trò',
  deactivate: 'Khoá tài khoản',
  reactivate: 'Mở lại tài khoản',
  password_reset: 'Đặt lại mật khẩu',
  second_factor_reset: 'Gỡ xác thực hai yếu tố',
  import: 'Nhập từ Cổng DVC quốc gia',
  draft_save: 'Lưu bản nháp',
  draft_discard: 'Bỏ bản nháp',
  publish: 'Công bố',
  assurance_change: 'Đổi mức xác thực VNeID',
  schedule: 'Lên lịch',
  apply: 'Áp dụng',
  close: 'Đóng từ ngày',
};
const FIELDS: Readonly<Record<string, string>> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ tên',
  title: 'Chức danh',
  agencyCode: 'Cơ quan',
  roles: 'Vai trò',
  active: 'Đang hoạt động',
  passwordChangeRequired: 'Phải đổi mật khẩu',
  password: 'Mật khẩu',
  secondFactor: 'Xác thực hai yếu tố',
  lockedUntil: 'Tạm khoá đến',
  holidays: 'Ngày nghỉ',
  workingWeekendDays: 'Ngày làm bù',
  source: 'Nguồn',
  body: 'Nội dung',
  keepDiacritics: 'Giữ dấu',
  sessions: 'Buổi làm việc',
  sameDayCutoff: 'Giờ chốt trong ngày',
  cutoff: 'Giờ chốt',
  version: 'Phiên bản',
  name: 'Tên',
  effectiveDate: 'Ngày hiệu lực',
};
const fieldName = (f: string) => FIELDS[f] ?? f;
const entityName = (e: string) => ENTITIES.find(([k]) => k === e)?.[1] ?? e;
const actionName = (a: string) => ACTIONS[a] ?? a;

interface Filters {
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { actor: '', entity: '', entityId: '', action: '', from: '', to: '' };

/** The administration's audit log for administrators and auditors: who changed what, when, from where. */
export function AdminAuditPage() {
  useTitle('Nhật ký quản trị');
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [rows, setRows] = useState<AuditRecord[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (cursor: string | null) => {
    setError(null);
    setBusy(true);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
    if (cursor) params.set('cursor', cursor);
    try {
      const page = await api<AuditPage>(`/admin/audit?${params}`, { token: OFFICER_COOKIE });
      setRows((current) => (cursor && current ? [...current, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(null);
  }, []);

  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(null);
  };

  return (
    <section>
      <h1>Nhật ký quản trị</h1>
      <p className="muted">
        Mọi thay đổi về tài khoản, vai trò, cơ quan, thủ tục, lịch làm việc, mẫu tin nhắn và giờ làm việc được ghi lại và không thể sửa, xoá.
      </p>
      <form className="filters" onSubmit={submit} aria-label="Lọc nhật ký">
        <div className="field">
          <label htmlFor="audit-actor">Người thực hiện (tên đăng nhập)</label>
          <input id="audit-actor" value={filters.actor} onChange={set('actor')} maxLength={100} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="audit-entity">Đối tượng</label>
          <select id="audit-entity" value={filters.entity} onChange={set('entity')}>
            <option value="">Tất cả</option>
            {ENTITIES.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">Mã đối tượng</label>
          <input id="audit-entity-id" value={filters.entityId} onChange={set('entityId')} maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="audit-action">Thao tác</label>
          <select id="audit-action" value={filters.action} onChange={set('action')}>
            <option value="">Tất cả</option>
            {Object.entries(ACTIONS).map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">Từ ngày</label>
          <input id="audit-from" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">Đến ngày</label>
          <input id="audit-to" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <button className="primary" type="submit" disabled={busy}>
          Lọc
        </button>
        <button type="button" onClick={() => setFilters(EMPTY)}>
          Xoá bộ lọc
        </button>
      </form>
      {error && <Alert>{error}</Alert>}
      {rows === null ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>Không có bản ghi nào.</p>
      ) : (
        <table className="table">
          <caption className="sr-only">Nhật ký thay đổi, mới nhất trước</caption>
          <thead>
            <tr>
              <th scope="col">Thời điểm</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Địa chỉ IP</th>
              <th scope="col">Đối tượng</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Nội dung thay đổi</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{fmtDateTime(r.at)}</td>
                <td>{r.actor.username}</td>
                <td>{r.address ?? <span className="muted">dòng lệnh</span>}</td>
                <td>
                  {entityName(r.entity)}
                  <br />
                  <span className="muted">{r.entityId}</span>
                </td>
                <td>{actionName(r.action)}</td>
                <td>
                  <Change before={r.before} after={r.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <p>
          <button type="button" onClick={() => void load(next)} disabled={busy}>
            Xem thêm
          </button>
        </p>
      )}
    </section>
  );
}

/** The fields that differ, before → after; the whole of each on request. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <>
      {keys.length > 0 && (
        <ul className="plain">
          {keys.slice(0, 6).map((k) => (
            <li key={k}>
              <strong>{fieldName(k)}</strong>: {before !== null && <>{truncate(show(b[k]))} → </>}
              {truncate(show(a[k]))}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Chi tiết</summary>
        <pre className="json" tabIndex={0} aria-label="Dữ liệu trước và sau thay đổi">
          {JSON.stringify({ trước: before, sau: after }, null, 2)}
        </pre>
      </details>
    </>
  );
}

const truncate = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
