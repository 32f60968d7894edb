import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText, fmtVnd, session } from './api';
import { navigate } from './router';
import { Alert, Loading, useTitle } from './ui';

interface Row {
  unitCode: string;
  unitName: string;
  received: Record<string, number>;
  resolved: Record<string, number>;
  inProgress: Record<string, number>;
  supplementPending: number;
  withdrawn: number;
  refused: number;
  fees: { collected: number; refunded: number; net: number };
  satisfaction: { verySatisfied: number; satisfied: number; unsatisfied: number; rate: number | null };
}
const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
const sum = (o: Record<string, number>) => Object.values(o ?? {}).reduce((a, b) => a + (b ?? 0), 0);
// Days are Hà Nội days (a browser elsewhere, or just after local midnight, would otherwise pick the UTC date).
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const monthStart = () => today().slice(0, 8) + '01';

export function ReportsPage() {
  useTitle('Báo cáo tình hình giải quyết');
  const officer = session.officer();
  useEffect(() => {
    if (!officer) navigate('/mot-cua/dang-nhap?next=/mot-cua/bao-cao', true);
  }, []);
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([{ code: officer?.officer.unitCode ?? '', name: 'Đơn vị của tôi' }]);
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const [data, setData] = useState<any>(null);
  const [error, setError] = useState('');
  const unit = trail[trail.length - 1];
  async function load() {
    setData(null);
    setError('');
    try {
      // Bare dates are Hà Nội days, both included (the period then ends at the next local midnight).
      const p = new URLSearchParams({ from, to });
      if (unit.code) p.set('unitCode', unit.code);
      setData(await api(`/reports/processing?${p}`, { token: officer!.token }));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? 'Tài khoản của bạn không được xem báo cáo của đơn vị này.' : errorText(e));
    }
  }
  useEffect(() => {
    if (officer) void load();
  }, [unit.code]);
  if (!officer) return null;
  const rows: Row[] = data?.rows ?? [];
  const total: Row | undefined = data?.total;
  const body = rows;
  const max = Math.max(1, ...body.map((r) => sum(r.received)));
  return (
    <section>
      <h1>Báo cáo tình hình giải quyết hồ sơ</h1>
      <nav aria-label="Cấp đơn vị" className="crumbs">
        {trail.map((t, i) => (
          <span key={t.code + i}>
            {i > 0 && ' › '}
            {i < trail.length - 1 ? (
              <button className="link" onClick={() => setTrail(trail.slice(0, i + 1))}>
                {t.name}
              </button>
            ) : (
              <strong>{t.name}</strong>
            )}
          </span>
        ))}
      </nav>
      <form
        className="filters"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void load();
        }}
      >
        <div className="field">
          <label htmlFor="r-from">Từ ngày</label>
          <input id="r-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="r-to">Đến ngày</label>
          <input id="r-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button className="primary" type="submit">
          Xem báo cáo
        </button>
      </form>
      {error && <Alert>{error}</Alert>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <svg
            className="chart"
            role="img"
            aria-label="Biểu đồ số hồ sơ tiếp nhận theo đơn vị"
            viewBox={`0 0 600 ${Math.max(40, body.length * 22 + 10)}`}
            width="100%"
          >
            {body.map((r, i) => {
              const w = (sum(r.received) / max) * 380;
              return (
                <g key={r.unitCode} transform={`translate(0, ${i * 22 + 5})`}>
                  <text x="0" y="14" fontSize="12" fill="#1b1b1b">
                    {r.unitName.slice(0, 26)}
                  </text>
                  <rect x="190" y="2" width={w} height="16" fill="#a3161a" />
                  <text x={196 + w} y="14" fontSize="12" fill="#1b1b1b">
                    {sum(r.received)}
                  </text>
                </g>
              );
            })}
          </svg>
          <p className="meta">
            Số hồ sơ đang giải quyết tính tại thời điểm {new Date(data.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}; hồ sơ đang chờ công dân
            bổ sung hoặc nộp phí không tính thời gian và không bị coi là quá hạn.
          </p>
          <div className="table-wrap">
            <table className="report">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Tiếp nhận</th>
                  <th scope="col">Kỳ trước chuyển sang</th>
                  <th scope="col">Trực tuyến</th>
                  <th scope="col">Trước hạn</th>
                  <th scope="col">Đúng hạn</th>
                  <th scope="col">Trễ hạn</th>
                  <th scope="col">Đang giải quyết (trong hạn)</th>
                  <th scope="col">Quá hạn</th>
                  <th scope="col">Tạm dừng chờ công dân</th>
                  <th scope="col">Chờ bổ sung</th>
                  <th scope="col">Từ chối</th>
                  <th scope="col">Rút</th>
                  <th scope="col">Hài lòng</th>
                  <th scope="col">Phí đã thu</th>
                  <th scope="col">Đã hoàn trả</th>
                  <th scope="col">Thực thu</th>
                </tr>
              </thead>
              <tbody>
                {[...body, ...(total ? [total] : [])].map((r, i) => (
                  <tr key={(r.unitCode ?? 'total') + i} className={r === total ? 'total' : ''}>
                    <th scope="row">
                      {r === total ? (
                        'Tổng cộng'
                      ) : r.unitCode === unit.code ? (
                        r.unitName
                      ) : (
                        <button className="link" title="Xem các đơn vị trực thuộc" onClick={() => setTrail([...trail, { code: r.unitCode, name: r.unitName }])}>
                          {r.unitName}
                        </button>
                      )}
                    </th>
                    <td>{sum(r.received)}</td>
                    <td>{r.received?.carriedOver}</td>
                    <td>{r.received?.online}</td>
                    <td>{r.resolved?.early}</td>
                    <td>{r.resolved?.onTime}</td>
                    <td>{r.resolved?.late}</td>
                    <td>{r.inProgress?.withinDeadline}</td>
                    <td>{r.inProgress?.overdue}</td>
                    <td>{r.inProgress?.paused}</td>
                    <td>{r.supplementPending}</td>
                    <td>{r.refused}</td>
                    <td>{r.withdrawn}</td>
                    <td>{percent(r.satisfaction?.rate)}</td>
                    <td>{fmtVnd(r.fees?.collected)}</td>
                    <td>{fmtVnd(r.fees?.refunded)}</td>
                    <td>{fmtVnd(r.fees?.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
