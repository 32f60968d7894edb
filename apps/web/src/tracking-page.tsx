// Public tracking by code and the phone's last digits (the kiosk).
import { FormEvent, useState } from 'react';
import { actionName, api, ApiError, errorText, fmtDateTime } from './api';
import { DueDates } from './citizen-dossiers';
import { Alert, StatusBadge, useTitle } from './ui';
import { STATUS_VI } from './citizen-dossiers';

export function TrackingPage({ initialCode }: { initialCode: string }) {
  useTitle('Tra cứu hồ sơ');
  const [code, setCode] = useState(initialCode);
  const [phone, setPhone] = useState('');
  const [r, setR] = useState<any>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function search(e: FormEvent) {
    e.preventDefault();
    setR(null);
    if (!code.trim()) return setError('Vui lòng nhập mã hồ sơ.');
    if (!/^\d{4}$/.test(phone)) return setError('Vui lòng nhập đúng 4 số cuối của số điện thoại người nộp.');
    setBusy(true);
    setError('');
    try {
      setR(await api(`/tracking/${encodeURIComponent(code.trim())}?phone=${phone}`));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? 'Không tìm thấy hồ sơ với mã và số điện thoại đã nhập.' : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="kiosk">
      <h1>Tra cứu tình trạng hồ sơ</h1>
      <form onSubmit={search} noValidate className="grid2">
        <div className="field">
          <label htmlFor="track-code">Mã hồ sơ</label>
          <input id="track-code" value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" />
        </div>
        <div className="field">
          <label htmlFor="track-phone">4 số cuối điện thoại người nộp</label>
          <input id="track-phone" inputMode="numeric" maxLength={4} value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))} />
        </div>
        <div>
          <button className="primary big" type="submit" disabled={busy}>
            Tra cứu
          </button>
        </div>
      </form>
      {error && <Alert>{error}</Alert>}
      {r && (
        <div className="result" aria-live="polite">
          <h2>Hồ sơ {r.code}</h2>
          <dl className="facts">
            <div>
              <dt>Thủ tục</dt>
              <dd>{r.procedureName}</dd>
            </div>
            <div>
              <dt>Cơ quan</dt>
              <dd>{r.agencyName}</dd>
            </div>
            <div>
              <dt>Trạng thái</dt>
              <dd>
                <StatusBadge status={r.status} name={r.statusName ?? STATUS_VI(r.status)} />
              </dd>
            </div>
            <DueDates d={r} />
          </dl>
          <h3>Các bước xử lý</h3>
          <ol className="timeline">
            {(r.steps ?? []).map((s: any, i: number) => (
              <li key={i}>
                <strong>{actionName(s.action)}</strong> — {s.agencyName} — {fmtDateTime(s.at)}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
