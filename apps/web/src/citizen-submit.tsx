// Submitting a dossier online: the agency, the applicant (prefilled from VNeID), the e-form and the components.
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { api, ApiError, errorText, newIdempotencyKey, openBlob, session } from './api';
import { Link, navigate } from './router';
import { Errors, SchemaForm, validate, Values } from './SchemaForm';
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
import { Alert, Loading, StatusBadge, useTitle } from './ui';
import { IdentityCard } from './vneid-sign-in';
import { useCitizen } from './citizen-sign-in';

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
      <ResultDeliverySelect id="delivery" value={delivery} onChange={setDelivery} />
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
