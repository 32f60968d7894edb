// One dossier of the citizen's: its state, payment, supplements, result, rating and withdrawal.
import { useEffect, useState } from 'react';
import { isClosedStatus } from '../../../libs/core/src/dossier/dossier-status';
import { actionName, api, ApiError, errorText, fmtVnd, openBlob } from './api';
import { Link } from './router';
import { serverMessage, Values } from './SchemaForm';
import { ComponentUploads, Uploaded } from './dossier-form';
import { ResultFiles } from './results';
import { Alert, Dialog, Loading, useTitle } from './ui';
import { DossierFacts, FeesTable, History } from './citizen-dossiers';
import { useCitizen } from './citizen-sign-in';

const RATINGS: [string, string][] = [
  ['very_satisfied', 'Rất hài lòng'],
  ['satisfied', 'Hài lòng'],
  ['unsatisfied', 'Không hài lòng'],
];

export function CitizenDossierPage({ code, paid }: { code: string; paid?: string | null }) {
  const citizen = useCitizen();
  const [d, setD] = useState<any>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [dialog, setDialog] = useState<'' | 'supplement' | 'rate' | 'withdraw'>('');
  const [files, setFiles] = useState<Record<string, Uploaded[]>>({});
  const [proc, setProc] = useState<any>(null);
  const [rating, setRating] = useState('satisfied');
  const [reason, setReason] = useState('');
  const [dlgError, setDlgError] = useState('');
  useTitle(`Hồ sơ ${code}`);
  useEffect(() => setDlgError(''), [dialog, rating]);
  const load = () =>
    api(`/dossiers/${encodeURIComponent(code)}`, { token: citizen!.token }).then(
      (x) => {
        setD(x);
        setError('');
      },
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    if (citizen) void load();
  }, [code]);
  useEffect(() => {
    if (d && !proc) api(`/procedures/${encodeURIComponent(d.procedureCode)}`).then(setProc, () => undefined);
  }, [d]);
  if (!citizen) return null;
  if (error && !d) return <Alert>{error}</Alert>;
  if (!d) return <Loading />;
  const acts: string[] = d.availableActions ?? [];
  const due = Math.max(d.feesOutstandingVnd ?? 0, (d.feesRequestedVnd ?? 0) - (d.feesPaidVnd ?? 0));
  const canPay = due > 0 && !isClosedStatus(d.status);

  async function act(action: string, body: Values) {
    setDlgError('');
    try {
      const r = await api(`/dossiers/${encodeURIComponent(code)}/${action}`, { body: { version: d.version, ...body }, token: citizen!.token });
      setD(r);
      setDialog('');
      setNotice(`Đã ${actionName(action).toLowerCase()} thành công.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.problem.errors?.length) setDlgError(e.problem.errors.map((x) => serverMessage(x.message)).join(' '));
      else setDlgError(errorText(e));
    }
  }
  async function pay() {
    setError('');
    try {
      const r = await api(`/dossiers/${encodeURIComponent(code)}/payments`, { body: { gateway: 'vnpay' }, token: citizen!.token });
      window.location.href = r.payUrl;
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <article>
      <p>
        <Link to="/ho-so">← Hồ sơ của tôi</Link>
      </p>
      <h1>Hồ sơ {d.code}</h1>
      {paid && <Alert kind="info">Kết quả thanh toán đang được cập nhật; nếu chưa thấy, vui lòng tải lại sau ít phút.</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      <DossierFacts d={d} />
      <div className="row actions">
        {canPay && (
          <button className="primary" onClick={pay}>
            Thanh toán trực tuyến ({fmtVnd(due)})
          </button>
        )}
        {acts.includes('supplement') && (
          <button className="primary" onClick={() => setDialog('supplement')}>
            Bổ sung hồ sơ
          </button>
        )}
        {acts.includes('rate') && !d.rating && <button onClick={() => setDialog('rate')}>Đánh giá mức độ hài lòng</button>}
        {acts.includes('withdraw') && (
          <button className="danger" onClick={() => setDialog('withdraw')}>
            Rút hồ sơ
          </button>
        )}
        <button
          onClick={() =>
            openBlob(`/dossiers/${encodeURIComponent(code)}/documents/receipt`, citizen.token).catch((e) =>
              setError(e instanceof ApiError && (e.status === 404 || e.status === 409) ? 'Giấy tiếp nhận sẽ có sau khi cán bộ tiếp nhận hồ sơ.' : errorText(e)),
            )
          }
        >
          Giấy tiếp nhận (PDF)
        </button>
        {d.status === 'supplement_requested' && (
          <button
            onClick={() => openBlob(`/dossiers/${encodeURIComponent(code)}/documents/supplement-request`, citizen.token).catch((e) => setError(errorText(e)))}
          >
            Phiếu yêu cầu bổ sung (PDF)
          </button>
        )}
      </div>
      {d.rating && (
        <p>
          Bạn đã đánh giá: <strong>{RATINGS.find(([k]) => k === (d.rating.rating ?? d.rating))?.[1] ?? String(d.rating.rating ?? d.rating)}</strong>
        </p>
      )}
      {d.outcome && <ResultFiles code={d.code} token={citizen.token} version={d.version} citizen />}
      <h2>Quá trình xử lý</h2>
      <History code={d.code} token={citizen.token} version={d.version} />
      <h2>Phí, lệ phí</h2>
      <FeesTable d={d} />

      <Dialog title="Bổ sung hồ sơ" open={dialog === 'supplement'} onClose={() => setDialog('')}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void act('supplement', {
              components: Object.entries(files)
                .filter(([, l]) => l.length)
                .map(([c, l]) => ({ code: c, fileIds: l.map((f) => f.id) })),
            });
          }}
        >
          {dlgError && <Alert>{dlgError}</Alert>}
          <p>Tải lên các giấy tờ cơ quan yêu cầu bổ sung.</p>
          {proc && <ComponentUploads components={proc.components} files={files} setFiles={setFiles} token={citizen.token} errors={{}} />}
          <div className="row">
            <button className="primary" type="submit">
              Gửi bổ sung
            </button>
            <button type="button" onClick={() => setDialog('')}>
              Hủy
            </button>
          </div>
        </form>
      </Dialog>
      <Dialog title="Đánh giá mức độ hài lòng" open={dialog === 'rate'} onClose={() => setDialog('')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (rating === 'unsatisfied' && !reason.trim()) return setDlgError('Vui lòng cho biết lý do không hài lòng.');
            void act('rate', { rating, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          }}
        >
          {dlgError && <Alert>{dlgError}</Alert>}
          <fieldset className="fieldset">
            <legend>Mức độ hài lòng</legend>
            {RATINGS.map(([k, l]) => (
              <div key={k} className="field-check">
                <input type="radio" id={`r-${k}`} name="rating" value={k} checked={rating === k} onChange={() => setRating(k)} />
                <label htmlFor={`r-${k}`}>{l}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="rate-reason">Ý kiến {rating === 'unsatisfied' ? '(bắt buộc)' : '(nếu có)'}</label>
            <textarea id="rate-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="row">
            <button className="primary" type="submit">
              Gửi đánh giá
            </button>
            <button type="button" onClick={() => setDialog('')}>
              Hủy
            </button>
          </div>
        </form>
      </Dialog>
      <Dialog title="Rút hồ sơ" open={dialog === 'withdraw'} onClose={() => setDialog('')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act('withdraw', reason.trim() ? { reason: reason.trim() } : {});
          }}
        >
          {dlgError && <Alert>{dlgError}</Alert>}
          <p>Bạn có chắc muốn rút hồ sơ {d.code}? Thao tác này không thể hoàn tác.</p>
          <div className="field">
            <label htmlFor="wd-reason">Lý do (nếu có)</label>
            <textarea id="wd-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="row">
            <button className="danger" type="submit">
              Xác nhận rút hồ sơ
            </button>
            <button type="button" onClick={() => setDialog('')}>
              Hủy
            </button>
          </div>
        </form>
      </Dialog>
    </article>
  );
}
