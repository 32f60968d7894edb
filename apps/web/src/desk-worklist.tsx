// The desk officer's worklist: filters, urgency first, the dossiers of their scope.
import { useEffect, useState } from 'react';
import { api, ApiError, errorText, fmtDateTime, session, STATUS_NAMES } from './api';
import { Link, navigate } from './router';
import { Alert, Loading, StatusBadge, useTitle } from './ui';
import { useOfficer } from './use-officer';

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
