// The receiving officer records a dossier handed in at the desk (POST /desk/dossiers): it is received at once, and
// the receipt (Form 01) is printed for the applicant.
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { api, ApiError, errorText, fmtDateTime, newIdempotencyKey, openBlob, session } from './api';
import {
  ApplicantFieldset,
  ComponentUploads,
  focusFirstError,
  mapServerErrors,
  submissionBody,
  Uploaded,
  validateApplicant,
  ResultDeliverySelect,
} from './dossier-form';
import { useOfficer } from './use-officer';
import { Link, navigate } from './router';
import { Errors, SchemaForm, validate, Values } from './SchemaForm';
import { Alert, Loading, StatusBadge, useTitle } from './ui';
import { parseS10 } from '../../../libs/core/src/postal/s10';

export function DeskIntakePage() {
  useTitle('Tiếp nhận hồ sơ trực tiếp');
  const officer = useOfficer();
  const [procedures, setProcedures] = useState<any[] | null>(null);
  const [code, setCode] = useState('');
  const [p, setP] = useState<any>(null);
  const [applicant, setApplicant] = useState<Values>({});
  const [form, setForm] = useState<Values>({});
  const [files, setFiles] = useState<Record<string, Uploaded[]>>({});
  const [delivery, setDelivery] = useState('desk');
  // A dossier that came by the public postal service: its item number (UPU S10) and the day the post desk received it.
  const [arrival, setArrival] = useState<'direct' | 'post'>('direct');
  const [postal, setPostal] = useState({ itemNumber: '', receivedOn: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<any>(null);
  const [printError, setPrintError] = useState('');
  const [round, setRound] = useState(0);
  // One key per dossier being recorded: a retry after a lost answer returns the same dossier, never a second one.
  const idemKey = useMemo(() => newIdempotencyKey(), [round]);

  useEffect(() => {
    if (!officer) return;
    api('/procedures?pageSize=100').then(
      (r) => setProcedures(r.items),
      (e) => setError(errorText(e)),
    );
  }, []);
  useEffect(() => {
    setP(null);
    setForm({});
    setFiles({});
    setErrors({});
    setAttempted(false);
    if (code) api(`/procedures/${encodeURIComponent(code)}`).then(setP, (e) => setError(errorText(e)));
  }, [code]);
  useEffect(() => {
    if (attempted && p) setErrors(check());
  }, [applicant, form, files]);

  if (!officer) return null;
  if (!officer.officer.roles.includes('receiving_officer')) {
    return (
      <>
        <h1>Tiếp nhận hồ sơ trực tiếp</h1>
        <Alert>Chỉ cán bộ Bộ phận Một cửa được tiếp nhận hồ sơ.</Alert>
      </>
    );
  }

  function check(): Errors {
    const errs: Errors = { ...validateApplicant(applicant) };
    for (const [k, v] of Object.entries(validate(p.formSchema ?? {}, form))) errs[`form:${k}`] = v;
    for (const c of p.components)
      if (c.required && !(files[c.code] ?? []).length) errs[`components.${c.code}`] = 'Vui lòng tải lên bản chụp của giấy tờ bắt buộc này.';
    if (arrival === 'post') {
      const item = parseS10(postal.itemNumber);
      if (!item.ok)
        errs.postalItemNumber =
          item.problem === 'format'
            ? 'Số hiệu bưu gửi gồm 2 chữ cái, 9 chữ số và mã nước, ví dụ EE123456785VN.'
            : 'Số hiệu bưu gửi sai chữ số kiểm tra, vui lòng đối chiếu lại trên bưu gửi.';
      if (!postal.receivedOn) errs.postReceivedOn = 'Vui lòng nhập ngày bưu cục chuyển hồ sơ đến.';
    }
    return errs;
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!p) return setError('Vui lòng chọn thủ tục hành chính.');
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
      const body = {
        ...submissionBody({ procedureCode: p.code, agencyCode: officer!.officer.agencyCode, formSchema: p.formSchema, applicant, form, files, delivery }),
        ...(arrival === 'post'
          ? { channel: 'post', postalItemNumber: postal.itemNumber.replace(/\s+/g, '').toUpperCase(), postReceivedOn: postal.receivedOn }
          : {}),
      };
      setDone(await api('/desk/dossiers', { body, token: officer!.token, headers: { 'Idempotency-Key': idemKey } }));
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors) {
        setErrors(mapServerErrors(err.problem.errors, p.components));
        setError(`Máy chủ từ chối một số thông tin: ${err.problem.errors.map((x) => x.field).join(', ')}. Vui lòng sửa các trường được đánh dấu.`);
      } else if (err instanceof ApiError && err.status === 401) {
        session.setOfficer(null);
        navigate('/mot-cua/dang-nhap?next=/mot-cua/tiep-nhan');
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  function another() {
    setDone(null);
    setCode('');
    setApplicant({});
    setDelivery('desk');
    setArrival('direct');
    setPostal({ itemNumber: '', receivedOn: '' });
    setPrintError('');
    setRound((r) => r + 1);
  }

  if (done) {
    const path = `/dossiers/${encodeURIComponent(done.code)}/documents/receipt`;
    return (
      <section className="narrow">
        <Alert kind="success">
          <h1>Đã tiếp nhận hồ sơ</h1>
          <p>
            Mã hồ sơ:{' '}
            <strong className="code" data-testid="desk-dossier-code">
              {done.code}
            </strong>
          </p>
          <p>
            Trạng thái: <StatusBadge status={done.status} name={done.statusName} /> · Hẹn trả kết quả: <strong>{fmtDateTime(done.dueAt)}</strong>
          </p>
        </Alert>
        {done.feesOutstandingVnd > 0 && <Alert kind="info">Người nộp cần nộp phí, lệ phí trước khi hồ sơ được giải quyết.</Alert>}
        <div className="row">
          <button type="button" className="primary" onClick={() => openBlob(path, officer.token).catch((e) => setPrintError(errorText(e)))}>
            In giấy tiếp nhận (Mẫu 01)
          </button>
          <Link className="button" to={`/mot-cua/ho-so/${encodeURIComponent(done.code)}`}>
            Mở hồ sơ
          </Link>
          <button type="button" onClick={another}>
            Tiếp nhận hồ sơ khác
          </button>
        </div>
        {printError && <Alert>{printError}</Alert>}
      </section>
    );
  }

  const formErrors: Errors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('form:'))
      .map(([k, v]) => [k.slice(5), v]),
  );
  return (
    <form onSubmit={submit} noValidate className="submit-form">
      <p>
        <Link to="/mot-cua">← Danh sách hồ sơ</Link>
      </p>
      <h1>Tiếp nhận hồ sơ trực tiếp</h1>
      <p className="muted">Hồ sơ được tiếp nhận ngay tại {officer.officer.agencyCode}; giấy tiếp nhận và hẹn trả kết quả được in sau khi lưu.</p>
      {error && <Alert>{error}</Alert>}
      {!error && attempted && Object.keys(errors).length > 0 && (
        <Alert>Còn {Object.keys(errors).length} mục chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.</Alert>
      )}
      {/* Decree 118/2025: any desk in the province receives any procedure; the route decides who handles it. */}
      <div className="field">
        <label htmlFor="intake-procedure">Thủ tục hành chính</label>
        {!procedures ? (
          <Loading />
        ) : (
          <select id="intake-procedure" value={code} onChange={(e) => setCode(e.target.value)}>
            <option value="">— Chọn thủ tục —</option>
            {procedures.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name} ({x.code})
              </option>
            ))}
          </select>
        )}
      </div>
      {code && !p && <Loading />}
      {p && (
        <>
          <fieldset className="fieldset">
            <legend>Hồ sơ đến</legend>
            <div className="field">
              <label htmlFor="intake-arrival">Hình thức nộp</label>
              <select id="intake-arrival" value={arrival} onChange={(e) => setArrival(e.target.value as 'direct' | 'post')}>
                <option value="direct">Nộp trực tiếp tại Bộ phận Một cửa</option>
                <option value="post">Qua dịch vụ bưu chính công ích</option>
              </select>
            </div>
            {arrival === 'post' && (
              <>
                <div className="field">
                  <label htmlFor="intake-postal-item">Số hiệu bưu gửi</label>
                  <input
                    id="intake-postal-item"
                    value={postal.itemNumber}
                    onChange={(e) => setPostal({ ...postal, itemNumber: e.target.value })}
                    aria-invalid={Boolean(errors.postalItemNumber)}
                    aria-describedby={errors.postalItemNumber ? 'intake-postal-item-error' : undefined}
                    autoComplete="off"
                  />
                  {errors.postalItemNumber && (
                    <p className="field-error" id="intake-postal-item-error">
                      {errors.postalItemNumber}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label htmlFor="intake-post-received">Ngày bưu cục chuyển đến</label>
                  <input
                    id="intake-post-received"
                    type="date"
                    value={postal.receivedOn}
                    onChange={(e) => setPostal({ ...postal, receivedOn: e.target.value })}
                    aria-invalid={Boolean(errors.postReceivedOn)}
                    aria-describedby={errors.postReceivedOn ? 'intake-post-received-error' : undefined}
                  />
                  {errors.postReceivedOn && (
                    <p className="field-error" id="intake-post-received-error">
                      {errors.postReceivedOn}
                    </p>
                  )}
                </div>
              </>
            )}
          </fieldset>
          <ApplicantFieldset value={applicant} onChange={setApplicant} errors={errors} />
          <h2>{p.formSchema?.title ?? 'Tờ khai'}</h2>
          <SchemaForm schema={p.formSchema ?? {}} value={form} onChange={setForm} errors={formErrors} />
          <fieldset className="fieldset">
            <legend>Thành phần hồ sơ (bản chụp: PDF, JPEG, PNG; tối đa 10 MB mỗi tệp)</legend>
            <ComponentUploads components={p.components} files={files} setFiles={setFiles} token={officer.token} errors={errors} />
          </fieldset>
          <ResultDeliverySelect id="intake-delivery" value={delivery} onChange={setDelivery} />
          <button className="primary big" type="submit" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Tiếp nhận hồ sơ'}
          </button>
        </>
      )}
    </form>
  );
}
