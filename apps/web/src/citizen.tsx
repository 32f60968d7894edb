import { FormEvent, useEffect, useMemo, useState } from 'react';
import { isClosedStatus } from '../../../libs/core/src/dossier/dossier-status';
import {
  actionName,
  api,
  ApiError,
  errorText,
  fmtDateTime,
  fmtVnd,
  levelName,
  newIdempotencyKey,
  openBlob,
  processingTimeText,
  session,
  STATUS_NAMES,
  TIMELINESS,
} from './api';
import { Link, navigate } from './router';
import { Errors, SchemaForm, serverMessage, validate, Values } from './SchemaForm';
import { ApplicantFieldset, ComponentUploads, focusFirstError, mapServerErrors, submissionBody, Uploaded, validateApplicant } from './dossier-form';
import { ResultFiles } from './results';
import { Alert, Dialog, Loading, StatusBadge, useTitle } from './ui';
import { IdentityCard, useOtpEnabled, VneidSignIn } from './vneid-sign-in';

/* ---------------- Search ---------------- */

export function HomePage({ q }: { q: string }) {
  useTitle('Tìm thủ tục hành chính');
  const [text, setText] = useState(q);
  const [data, setData] = useState<any>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setText(q);
    setData(null);
    setError('');
    api(`/procedures?q=${encodeURIComponent(q)}`).then(setData, (e) => setError(errorText(e)));
  }, [q]);
  return (
    <>
      <section className="hero">
        <h1>Tìm thủ tục hành chính</h1>
        <form
          role="search"
          className="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/?q=${encodeURIComponent(text.trim())}`);
          }}
        >
          <label htmlFor="q">Tên thủ tục (có dấu hoặc không dấu)</label>
          <div className="row">
            <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Ví dụ: đăng ký khai sinh" />
            <button type="submit">Tìm kiếm</button>
          </div>
        </form>
        <p className="quick">
          <Link to="/tra-cuu">Tra cứu hồ sơ</Link> · <Link to="/ho-so">Hồ sơ của tôi</Link>
        </p>
      </section>
      {error && <Alert>{error}</Alert>}
      {!data && !error && <Loading />}
      {data && (
        <section aria-live="polite">
          <h2>{q ? `Tìm thấy ${data.total} thủ tục cho “${q}”` : `Danh sách thủ tục (${data.total})`}</h2>
          {data.items.length === 0 && <p>Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác.</p>}
          <ul className="cards">
            {data.items.map((p: any) => (
              <li key={p.code} className="card">
                <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`} className="card-title">
                  {p.name}
                </Link>
                <p className="meta">
                  <span className={`badge level-${levelName(p) === 'Toàn trình' ? 'full' : 'part'}`}>{levelName(p)}</span> {p.field} · Mã {p.code} · Lệ phí:{' '}
                  {fmtVnd(p.feeTotalVnd)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/* ---------------- Procedure ---------------- */

const LEVELS: Record<string, string> = { commune: 'Cấp xã', district: 'Cấp huyện', city: 'Cấp thành phố' };

export function ProcedurePage({ code }: { code: string }) {
  const [p, setP] = useState<any>(null);
  const [error, setError] = useState('');
  useTitle(p?.name ?? 'Thủ tục');
  useEffect(() => {
    api(`/procedures/${encodeURIComponent(code)}`).then(setP, (e) => setError(errorText(e)));
  }, [code]);
  if (error) return <Alert>{error}</Alert>;
  if (!p) return <Loading />;
  const submitTo = `/nop/${encodeURIComponent(code)}`;
  return (
    <article>
      <p>
        <Link to="/">← Tìm thủ tục khác</Link>
      </p>
      <h1>{p.name}</h1>
      <dl className="facts">
        <div>
          <dt>Mã thủ tục</dt>
          <dd>{p.code}</dd>
        </div>
        <div>
          <dt>Lĩnh vực</dt>
          <dd>{p.field}</dd>
        </div>
        <div>
          <dt>Dịch vụ công trực tuyến</dt>
          <dd>
            <span className={`badge level-${levelName(p) === 'Toàn trình' ? 'full' : 'part'}`}>{levelName(p)}</span>
          </dd>
        </div>
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>{processingTimeText(p.processingTime)}</dd>
        </div>
        <div>
          <dt>Cấp tiếp nhận</dt>
          <dd>{(p.receivingLevels ?? []).map((l: string) => LEVELS[l] ?? l).join(', ')}</dd>
        </div>
        <div>
          <dt>Cấp quyết định</dt>
          <dd>{LEVELS[p.decidingLevel] ?? p.decidingLevel}</dd>
        </div>
        {p.resultName && (
          <div>
            <dt>Kết quả</dt>
            <dd>{p.resultName}</dd>
          </div>
        )}
      </dl>
      <p>
        <button className="primary big" onClick={() => navigate(session.citizen() ? submitTo : `/dang-nhap?next=${encodeURIComponent(submitTo)}`)}>
          Nộp hồ sơ trực tuyến
        </button>
      </p>
      <h2>Thành phần hồ sơ</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Giấy tờ</th>
              <th scope="col">Bản chính</th>
              <th scope="col">Bản sao</th>
              <th scope="col">Bắt buộc</th>
            </tr>
          </thead>
          <tbody>
            {p.components.map((c: any) => (
              <tr key={c.code}>
                <td>
                  {c.name}
                  {c.note && <div className="muted small">{c.note}</div>}
                </td>
                <td>{c.originals}</td>
                <td>{c.photocopies + c.certifiedCopies}</td>
                <td>{c.required ? 'Có' : 'Không'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Phí, lệ phí</h2>
      {p.fees.length === 0 ? (
        <p>Không thu phí, lệ phí.</p>
      ) : (
        <ul>
          {p.fees.map((f: any) => (
            <li key={f.code}>
              {f.name}: <strong>{fmtVnd(f.amountVnd)}</strong>
            </li>
          ))}
        </ul>
      )}
      {p.workflow?.length > 0 && (
        <>
          <h2>Trình tự thực hiện</h2>
          <ol>
            {p.workflow.map((w: any) => (
              <li key={w.code}>{w.name}</li>
            ))}
          </ol>
        </>
      )}
      {p.legalBasis?.length > 0 && (
        <>
          <h2>Căn cứ pháp lý</h2>
          <ul>
            {p.legalBasis.map((l: string) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/* ---------------- OTP sign-in ---------------- */

export function SignInPage({ next }: { next: string }) {
  useTitle('Đăng nhập');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const otpEnabled = useOtpEnabled();
  const validPhone = /^(0|84|\+84)(3|5|7|8|9)[0-9]{8}$/.test(phone.replace(/\s/g, ''));
  async function sendOtp(e: FormEvent) {
    e.preventDefault();
    if (!validPhone) return setError('Số điện thoại di động không hợp lệ (10 số, bắt đầu bằng 03, 05, 07, 08, 09).');
    setBusy(true);
    setError('');
    try {
      await api('/auth/citizens/otp', { body: { phone: phone.replace(/\s/g, '').replace(/^\+/, '') } });
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 422 ? 'Số điện thoại di động không hợp lệ (không thuộc đầu số di động Việt Nam).' : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  async function verify(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) return setError('Mã xác thực gồm 6 chữ số.');
    setBusy(true);
    setError('');
    try {
      const r = await api('/auth/citizens/verify', { body: { phone: phone.replace(/\s/g, '').replace(/^\+/, ''), code } });
      session.setCitizen({ token: r.accessToken, phone: r.citizen?.phone ?? phone });
      navigate(next || '/ho-so', true);
    } catch (err) {
      // After the last wrong try the code is void (the phone is never locked): the citizen asks for a new one.
      const spent = err instanceof ApiError && err.status === 401 && /ask for a new one/.test(err.problem.detail ?? '');
      setError(
        spent
          ? 'Mã xác thực không đúng và đã bị huỷ sau nhiều lần nhập sai. Vui lòng chọn "Đổi số điện thoại" để nhận mã mới.'
          : err instanceof ApiError && err.status === 401
            ? 'Mã xác thực không đúng hoặc đã hết hạn.'
            : errorText(err),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="narrow">
      <h1>Đăng nhập</h1>
      <VneidSignIn next={next} />
      {otpEnabled && <h2>Đăng nhập bằng số điện thoại</h2>}
      {otpEnabled && error && <Alert>{error}</Alert>}
      {!otpEnabled ? null : !sent ? (
        <form onSubmit={sendOtp} noValidate>
          <div className="field">
            <label htmlFor="phone">Số điện thoại di động</label>
            <input id="phone" type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} required />
          </div>
          <button className="primary" type="submit" disabled={busy}>
            Nhận mã xác thực
          </button>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <Alert kind="info">Mã xác thực đã được gửi bằng tin nhắn đến số {phone}. Mã có hiệu lực 5 phút.</Alert>
          <div className="field">
            <label htmlFor="otp">Mã xác thực (6 chữ số)</label>
            <input
              id="otp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              required
              autoFocus
            />
          </div>
          <div className="row">
            <button className="primary" type="submit" disabled={busy}>
              Đăng nhập
            </button>
            <button
              type="button"
              onClick={() => {
                setSent(false);
                setCode('');
              }}
            >
              Đổi số điện thoại
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/* ---------------- Submit a dossier ---------------- */

function useCitizen() {
  const s = session.citizen();
  useEffect(() => {
    if (!s) navigate(`/dang-nhap?next=${encodeURIComponent(location.pathname)}`, true);
  }, [s]);
  return s;
}

function UnitAgencyPicker({ levels, value, onChange, error }: { levels: string[]; value: string; onChange: (agencyCode: string) => void; error?: string }) {
  const level = levels[0] ?? 'commune';
  const [districts, setDistricts] = useState<any[]>([]);
  const [district, setDistrict] = useState('');
  const [communes, setCommunes] = useState<any[]>([]);
  const [unitCode, setUnitCode] = useState('');
  const [agencies, setAgencies] = useState<any[]>([]);
  useEffect(() => {
    api(`/units?level=${level === 'city' ? 'city' : 'district'}`).then(setDistricts, () => setDistricts([]));
  }, [level]);
  useEffect(() => {
    setCommunes([]);
    setUnitCode(level === 'commune' ? '' : district);
    if (level === 'commune' && district) api(`/units?parentCode=${district}&level=commune`).then(setCommunes, () => setCommunes([]));
  }, [district, level]);
  useEffect(() => {
    setAgencies([]);
    onChange('');
    if (!unitCode) return;
    void api(`/units/${unitCode}`).then((u) => {
      const list = (u.agencies ?? []).filter((a: any) => a.receives);
      setAgencies(list);
      if (list.length === 1) onChange(list[0].code);
    });
  }, [unitCode]);
  return (
    <fieldset className="fieldset">
      <legend>Nơi nộp hồ sơ</legend>
      <div className="grid2">
        <div className="field">
          <label htmlFor="district">{level === 'city' ? 'Thành phố' : 'Quận, huyện, thị xã'}</label>
          <select id="district" value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">— Chọn —</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {level === 'commune' && (
          <div className="field">
            <label htmlFor="commune">Phường, xã, thị trấn</label>
            <select id="commune" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} disabled={!district}>
              <option value="">— Chọn —</option>
              {communes.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="agency">Cơ quan tiếp nhận</label>
        <select id="agency" value={value} onChange={(e) => onChange(e.target.value)} disabled={!agencies.length} aria-invalid={error ? true : undefined}>
          <option value="">— Chọn —</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        {error && <p className="field-error">{error}</p>}
      </div>
    </fieldset>
  );
}

export function SubmitPage({ code }: { code: string }) {
  const citizen = useCitizen();
  const [p, setP] = useState<any>(null);
  const [error, setError] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const verified = citizen?.identity;
  const [applicant, setApplicant] = useState<Values>(() => ({
    phone: citizen ? citizen.phone.replace(/^84/, '0') : '',
    ...(verified?.fullName ? { fullName: verified.fullName } : {}),
    ...(verified?.idNumber ? { idNumber: verified.idNumber } : {}),
  }));
  const [form, setForm] = useState<Values>({});
  const [files, setFiles] = useState<Record<string, Uploaded[]>>({});
  const [delivery, setDelivery] = useState('desk');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<any>(null);
  const [attempted, setAttempted] = useState(false);
  const idemKey = useMemo(() => newIdempotencyKey(), []);
  useTitle(done ? 'Nộp hồ sơ thành công' : 'Nộp hồ sơ trực tuyến');
  useEffect(() => {
    api(`/procedures/${encodeURIComponent(code)}`).then(setP, (e) => setError(errorText(e)));
  }, [code]);
  // After a first attempt, messages follow the user's corrections live.
  useEffect(() => {
    if (attempted && p) setErrors(check());
  }, [applicant, form, files, agencyCode]);
  if (!citizen) return null;
  if (error && !p) return <Alert>{error}</Alert>;
  if (!p) return <Loading />;
  if (done) return <SubmittedPanel dossier={done} token={citizen.token} />;

  function check(): Errors {
    const errs: Errors = { ...validateApplicant(applicant) };
    for (const [k, v] of Object.entries(validate(p.formSchema ?? {}, form))) errs[`form:${k}`] = v;
    if (!agencyCode) errs.agency = 'Vui lòng chọn cơ quan tiếp nhận.';
    for (const c of p.components)
      if (c.required && !(files[c.code] ?? []).length) errs[`components.${c.code}`] = 'Vui lòng tải lên tệp cho thành phần bắt buộc này.';
    return errs;
  }

  const formErrors: Errors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('form:'))
      .map(([k, v]) => [k.slice(5), v]),
  );
  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempted(true);
    const errs = check();
    setErrors(errs);
    if (Object.keys(errs).length) {
      setError('');
      focusFirstError();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const body = submissionBody({ procedureCode: p.code, agencyCode: agencyCode, formSchema: p.formSchema, applicant, form, files, delivery });
      const d = await api('/dossiers', { body, token: citizen!.token, headers: { 'Idempotency-Key': idemKey } });
      setDone(d);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors) {
        setErrors(mapServerErrors(err.problem.errors, p.components));
        setError('Máy chủ từ chối một số thông tin, vui lòng sửa các trường được đánh dấu.');
      } else if (err instanceof ApiError && err.status === 401) {
        session.setCitizen(null);
        navigate(`/dang-nhap?next=${encodeURIComponent(location.pathname)}`);
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="submit-form">
      <p>
        <Link to={`/thu-tuc/${encodeURIComponent(code)}`}>← Về thủ tục</Link>
      </p>
      <h1>Nộp hồ sơ: {p.name}</h1>
      {error && <Alert>{error}</Alert>}
      {!error && attempted && Object.keys(errors).length > 0 && (
        <Alert>Còn {Object.keys(errors).length} mục chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.</Alert>
      )}
      {errors.components && <Alert>{errors.components}</Alert>}
      <UnitAgencyPicker levels={p.receivingLevels ?? []} value={agencyCode} onChange={setAgencyCode} error={errors.agency} />
      <ApplicantFieldset
        value={applicant}
        onChange={setApplicant}
        errors={errors}
        readOnly={citizen ? ['phone', ...(verified?.fullName ? ['fullName'] : []), ...(verified?.idNumber ? ['idNumber'] : [])] : []}
      />
      {citizen && verified && <IdentityCard identity={verified} phone={citizen.phone} />}
      <h2>{p.formSchema?.title ?? 'Tờ khai'}</h2>
      <SchemaForm schema={p.formSchema ?? {}} value={form} onChange={setForm} errors={formErrors} />
      <fieldset className="fieldset">
        <legend>Thành phần hồ sơ (PDF, JPEG, PNG; tối đa 10 MB mỗi tệp)</legend>
        <ComponentUploads components={p.components} files={files} setFiles={setFiles} token={citizen.token} errors={errors} />
      </fieldset>
      <div className="field">
        <label htmlFor="delivery">Hình thức nhận kết quả</label>
        <select id="delivery" value={delivery} onChange={(e) => setDelivery(e.target.value)}>
          <option value="desk">Nhận tại Bộ phận Một cửa</option>
          <option value="post">Nhận qua bưu chính</option>
          <option value="online">Nhận trực tuyến</option>
        </select>
      </div>
      <button className="primary big" type="submit" disabled={busy}>
        {busy ? 'Đang nộp…' : 'Nộp hồ sơ'}
      </button>
    </form>
  );
}

function SubmittedPanel({ dossier, token }: { dossier: any; token: string }) {
  const [err, setErr] = useState('');
  return (
    <section className="narrow">
      <Alert kind="success">
        <h1>Nộp hồ sơ thành công</h1>
        <p>
          Mã hồ sơ của bạn:{' '}
          <strong className="code" data-testid="dossier-code">
            {dossier.code}
          </strong>
        </p>
        <p>
          Trạng thái: <StatusBadge status={dossier.status} name={dossier.statusName} /> — {dossier.agencyName}
        </p>
      </Alert>
      <p>Hãy ghi lại mã hồ sơ để tra cứu. Bạn sẽ nhận tin nhắn khi hồ sơ được tiếp nhận.</p>
      <div className="row">
        <Link className="button primary" to={`/ho-so/${encodeURIComponent(dossier.code)}`}>
          Xem hồ sơ
        </Link>
        <button
          type="button"
          onClick={() =>
            openBlob(`/dossiers/${encodeURIComponent(dossier.code)}/documents/receipt`, token).catch((e) =>
              setErr(e instanceof ApiError && (e.status === 404 || e.status === 409) ? 'Giấy tiếp nhận sẽ có sau khi cán bộ tiếp nhận hồ sơ.' : errorText(e)),
            )
          }
        >
          Giấy tiếp nhận (PDF)
        </button>
      </div>
      {err && <Alert kind="info">{err}</Alert>}
    </section>
  );
}

/* ---------------- My dossiers ---------------- */

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
const STATUS_VI = (s: string) => STATUS_NAMES[s] ?? s;

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

/* ---------------- Citizen dossier page ---------------- */

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

/* ---------------- Public tracking (kiosk) ---------------- */

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
            <div>
              <dt>Ngày tiếp nhận</dt>
              <dd>{fmtDateTime(r.receivedAt)}</dd>
            </div>
            <div>
              <dt>Hẹn trả kết quả</dt>
              <dd>{fmtDateTime(r.firstDueAt ?? r.dueAt)}</dd>
            </div>
            {r.extended && (
              <div>
                <dt>Hẹn trả mới (sau thư xin lỗi)</dt>
                <dd>{fmtDateTime(r.dueAt)}</dd>
              </div>
            )}
            <div>
              <dt>Tiến độ</dt>
              <dd>{TIMELINESS[r.timeliness] ?? r.timeliness ?? '—'}</dd>
            </div>
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
