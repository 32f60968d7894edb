// The citizen's dossiers, and the facts, fees and history shown on a dossier (to citizens and at the desk).
import { useEffect, useState } from 'react';
import { actionName, api, ApiError, errorText, fmtDateTime, fmtVnd, session, STATUS_NAMES, TIMELINESS } from './api';
import { Link, navigate } from './router';
import { Alert, Loading, StatusBadge, useTitle } from './ui';
import { useCitizen } from './citizen-sign-in';

export function MyDossiersPage() {
  useTitle('Hồ sơ của tôi');
  const citizen = useCitizen();
  const [items, setItems] = useState<any[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const load = (c?: string) =>
    api(`/dossiers?limit=20${c ? `&cursor=${encodeURIComponent(c)}` : ''}`, { token: citizen!.token }).then(
      (r) => {
        setItems((old) => [...(c ? (old ?? []) : []), ...r.items]);
        setCursor(r.nextCursor ?? null);
      },
      (e) => {
        if (e instanceof ApiError && e.status === 401) {
          session.setCitizen(null);
          navigate('/dang-nhap?next=/ho-so');
        }
        setError(errorText(e));
      },
    );
  useEffect(() => {
    if (citizen) void load();
  }, []);
  if (!citizen) return null;
  return (
    <section>
      <h1>Hồ sơ của tôi</h1>
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading />}
      {items?.length === 0 && (
        <p>
          Bạn chưa nộp hồ sơ nào. <Link to="/">Tìm thủ tục để nộp</Link>.
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="cards">
          {items.map((d) => (
            <li key={d.code} className="card">
              <Link className="card-title" to={`/ho-so/${encodeURIComponent(d.code)}`}>
                {d.code}
              </Link>
              <p>{d.procedureName}</p>
              <p className="meta">
                <StatusBadge status={d.status} name={d.statusName} /> Nộp lúc {fmtDateTime(d.submittedAt)}
                {d.dueAt && <> · Hẹn trả {fmtDateTime(d.dueAt)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {cursor && <button onClick={() => load(cursor)}>Tải thêm</button>}
    </section>
  );
}

export function History({ code, token, version }: { code: string; token: string; version: number }) {
  const [h, setH] = useState<any[] | null>(null);
  useEffect(() => {
    api(`/dossiers/${encodeURIComponent(code)}/history`, { token }).then(setH, () => setH([]));
  }, [code, version]);
  if (!h) return <Loading />;
  return (
    <ol className="timeline">
      {h.map((e) => (
        <li key={e.id}>
          <strong>{actionName(e.action)}</strong> — {fmtDateTime(e.at)}
          <div className="muted small">
            {e.actor?.name}
            {e.agencyName && ` · ${e.agencyName}`}
            {e.toStatus && ` · → ${STATUS_VI(e.toStatus)}`}
          </div>
          {e.note && <div>Ghi chú: {e.note}</div>}
        </li>
      ))}
    </ol>
  );
}
const PAY_STATUS: Record<string, string> = {
  awaiting: 'Chờ thanh toán',
  paid: 'Đã thanh toán',
  failed: 'Không thành công',
  cancelled: 'Đã hủy',
  expired: 'Hết hạn',
  refunded: 'Đã hoàn tiền',
};
export const STATUS_VI = (s: string) => STATUS_NAMES[s] ?? s;

export function DossierFacts({ d }: { d: any }) {
  return (
    <dl className="facts">
      <div>
        <dt>Thủ tục</dt>
        <dd>{d.procedureName}</dd>
      </div>
      <div>
        <dt>Trạng thái</dt>
        <dd>
          <StatusBadge status={d.status} name={d.statusName} />
        </dd>
      </div>
      <div>
        <dt>Cơ quan đang xử lý</dt>
        <dd>{d.currentAgencyName ?? d.currentAgencyCode}</dd>
      </div>
      <div>
        <dt>Người nộp</dt>
        <dd>{d.applicant?.fullName ?? d.applicantName}</dd>
      </div>
      <div>
        <dt>Ngày nộp</dt>
        <dd>{fmtDateTime(d.submittedAt)}</dd>
      </div>
      <DueDates d={d} />
    </dl>
  );
}

export function FeesTable({ d }: { d: any }) {
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Khoản phí</th>
              <th scope="col">Số lượng</th>
              <th scope="col">Số tiền</th>
            </tr>
          </thead>
          <tbody>
            {(d.fees ?? []).map((f: any) => (
              <tr key={f.code}>
                <td>{f.name}</td>
                <td>{f.quantity}</td>
                <td>{fmtVnd(f.amountVnd)}</td>
              </tr>
            ))}
            {(d.fees ?? []).length === 0 && (
              <tr>
                <td colSpan={3}>Không có phí, lệ phí.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p>
        Tổng: <strong>{fmtVnd(d.feeTotalVnd)}</strong> · Đã nộp: {fmtVnd(d.feesPaidVnd)} · Còn phải nộp:{' '}
        <strong>{fmtVnd(Math.max(d.feesOutstandingVnd ?? 0, (d.feesRequestedVnd ?? 0) - (d.feesPaidVnd ?? 0)))}</strong>
        {(d.feesRequestedVnd ?? 0) > 0 && <> · Cơ quan đã yêu cầu nộp: {fmtVnd(d.feesRequestedVnd)}</>}
      </p>
      {(d.payments ?? []).length > 0 && (
        <ul>
          {d.payments.map((p: any, i: number) => (
            <li key={p.paymentId ?? p.id ?? i}>
              {fmtVnd(p.amount ?? p.amountVnd)} — {PAY_STATUS[p.status] ?? p.status} {p.method && `(${p.method === 'vnpay' ? 'VNPay' : p.method})`}{' '}
              {fmtDateTime(p.paidAt ?? p.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** When it was received and is due (the first date, and the new one after an apology letter), and how it stands. */
export function DueDates({ d }: { d: any }) {
  return (
    <>
      <div>
        <dt>Ngày tiếp nhận</dt>
        <dd>{fmtDateTime(d.receivedAt)}</dd>
      </div>
      <div>
        <dt>Hẹn trả kết quả</dt>
        <dd>{fmtDateTime(d.firstDueAt ?? d.dueAt)}</dd>
      </div>
      {d.extended && (
        <div>
          <dt>Hẹn trả mới (sau thư xin lỗi)</dt>
          <dd>{fmtDateTime(d.dueAt)}</dd>
        </div>
      )}
      <div>
        <dt>Tiến độ</dt>
        <dd>{TIMELINESS[d.timeliness] ?? d.timeliness ?? '—'}</dd>
      </div>
    </>
  );
}
