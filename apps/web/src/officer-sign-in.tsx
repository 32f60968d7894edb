import { FormEvent, useState } from 'react';
import { api, ApiError, errorText, OFFICER_COOKIE, type OfficerProfile, session } from './api';
import { navigate } from './router';
import { Alert, useTitle } from './ui';

/** What POST /auth/officers/login (and each later step) answers: signed in, or the step still to do. */
interface SignInAnswer {
  accessToken?: string;
  csrfToken?: string;
  officer?: OfficerProfile;
  passwordChangeRequired?: true;
  changeToken?: string;
  mfaRequired?: true;
  mfaToken?: string;
  mfaEnrolmentRequired?: true;
  enrolmentToken?: string;
}

type Step =
  | { kind: 'password' }
  | { kind: 'change-password'; changeToken: string }
  | { kind: 'second-factor'; mfaToken: string }
  | { kind: 'enrol'; enrolmentToken: string };

function stepAfter(answer: SignInAnswer): Step | 'signed-in' {
  if (answer.accessToken && answer.csrfToken && answer.officer) {
    session.setOfficer({ csrfToken: answer.csrfToken, officer: answer.officer });
    return 'signed-in';
  }
  if (answer.passwordChangeRequired && answer.changeToken) return { kind: 'change-password', changeToken: answer.changeToken };
  if (answer.mfaRequired && answer.mfaToken) return { kind: 'second-factor', mfaToken: answer.mfaToken };
  if (answer.mfaEnrolmentRequired && answer.enrolmentToken) return { kind: 'enrol', enrolmentToken: answer.enrolmentToken };
  throw new ApiError(500, { status: 500, title: 'Máy chủ trả lời không như mong đợi.' });
}

function fieldMessage(e: unknown, field: string): string | null {
  if (!(e instanceof ApiError)) return null;
  return e.problem.errors?.find((f) => f.field === field)?.message ?? null;
}

/** Sign-in of an officer: password, then whatever the account still needs (a new password, the second factor). */
export function OfficerLoginPage({ next }: { next: string }) {
  useTitle('Đăng nhập cán bộ');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const done = (s: Step | 'signed-in') => {
    if (s === 'signed-in') navigate(next && next.startsWith('/mot-cua') ? next : '/mot-cua', true);
    else setStep(s);
  };
  return (
    <section className="narrow">
      <h1>Đăng nhập Bộ phận Một cửa</h1>
      {step.kind === 'password' && <PasswordStep onAnswer={(a) => done(stepAfter(a))} />}
      {step.kind === 'change-password' && <ChangePasswordStep changeToken={step.changeToken} onAnswer={(a) => done(stepAfter(a))} />}
      {step.kind === 'second-factor' && (
        <SecondFactorStep mfaToken={step.mfaToken} onAnswer={(a) => done(stepAfter(a))} onExpired={() => setStep({ kind: 'password' })} />
      )}
      {step.kind === 'enrol' && (
        <>
          <Alert kind="info">Tài khoản của bạn phải dùng xác thực hai yếu tố. Hãy cài đặt ứng dụng xác thực trước khi tiếp tục.</Alert>
          <SecondFactorEnrolment bearer={step.enrolmentToken} onSignedIn={(a) => done(stepAfter(a))} />
        </>
      )}
    </section>
  );
}

function PasswordStep({ onAnswer }: { onAnswer: (a: SignInAnswer) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username || !password) return setError('Vui lòng nhập tên đăng nhập và mật khẩu.');
    setBusy(true);
    setError('');
    try {
      onAnswer(await api<SignInAnswer>('/auth/officers/login', { body: { username: username.trim(), password } }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'Tên đăng nhập hoặc mật khẩu không đúng.' : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="username">Tên đăng nhập</label>
          <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Mật khẩu</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button className="primary" type="submit" disabled={busy}>
          Đăng nhập
        </button>
      </form>
    </>
  );
}

function ChangePasswordStep({ changeToken, onAnswer }: { changeToken: string; onAnswer: (a: SignInAnswer) => void }) {
  useTitle('Đổi mật khẩu');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) return setError('Hai lần nhập mật khẩu mới không khớp nhau.');
    setBusy(true);
    setError('');
    try {
      onAnswer(await api<SignInAnswer>('/auth/officers/password', { body: { changeToken, newPassword: password } }));
    } catch (err) {
      const weak = fieldMessage(err, 'newPassword') ?? fieldMessage(err, 'password');
      setError(weak ? `Mật khẩu mới chưa đạt yêu cầu: ${weak}` : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Alert kind="info">Mật khẩu của bạn do quản trị viên đặt. Hãy đặt mật khẩu mới của riêng bạn để tiếp tục.</Alert>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="new-password">Mật khẩu mới</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            aria-describedby="new-password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id="new-password-hint" className="muted small">
            Ít nhất 12 ký tự; không dùng mật khẩu phổ biến, tên đăng nhập hay họ tên của bạn. Nên dùng một câu dễ nhớ.
          </p>
        </div>
        <div className="field">
          <label htmlFor="repeat-password">Nhập lại mật khẩu mới</label>
          <input id="repeat-password" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </div>
        <button className="primary" type="submit" disabled={busy}>
          Đổi mật khẩu
        </button>
      </form>
    </>
  );
}

function SecondFactorStep({ mfaToken, onAnswer, onExpired }: { mfaToken: string; onAnswer: (a: SignInAnswer) => void; onExpired: () => void }) {
  useTitle('Xác thực hai yếu tố');
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      onAnswer(await api<SignInAnswer>('/auth/officers/login/totp', { body: { mfaToken, code: code.trim() } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && /expired|hết hạn/i.test(err.message)) return onExpired();
      setError(err instanceof ApiError && (err.status === 401 || err.status === 422) ? 'Mã xác thực không đúng hoặc đã được dùng.' : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="totp-code">Mã xác thực</label>
          <input
            id="totp-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            aria-describedby="totp-code-hint"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <p id="totp-code-hint" className="muted small">
            6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục (dạng xxxxx-xxxxx).
          </p>
        </div>
        <button className="primary" type="submit" disabled={busy}>
          Xác nhận
        </button>
      </form>
    </>
  );
}

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

/**
 * Enrols an authenticator app: a QR code (and the secret for apps that cannot scan), the first code, then the
 * recovery codes shown once. `bearer`: the enrolment token of a sign-in, or the session cookie of a signed-in officer.
 */
export function SecondFactorEnrolment({ bearer, onSignedIn, onEnrolled }: { bearer: string; onSignedIn?: (a: SignInAnswer) => void; onEnrolled?: () => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<{ codes: string[]; answer: SignInAnswer } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    setError('');
    try {
      setEnrolment(await api<Enrolment>('/auth/officers/totp/enroll', { method: 'POST', token: bearer }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? 'Tài khoản đã có xác thực hai yếu tố.' : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const answer = await api<SignInAnswer & { recoveryCodes: string[] }>('/auth/officers/totp/verify', { body: { code: code.trim() }, token: bearer });
      setRecovery({ codes: answer.recoveryCodes, answer });
    } catch (err) {
      setError(
        err instanceof ApiError && (err.status === 401 || err.status === 422)
          ? 'Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.'
          : errorText(err),
      );
    } finally {
      setBusy(false);
    }
  }
  if (recovery) {
    return (
      <div>
        <Alert kind="success">Đã bật xác thực hai yếu tố.</Alert>
        <h2>Mã khôi phục</h2>
        <p>Mỗi mã dùng được một lần, khi không có điện thoại bên cạnh. Hãy in hoặc ghi lại và cất ở nơi an toàn: các mã này chỉ hiển thị một lần.</p>
        <ul className="recovery-codes" aria-label="Mã khôi phục">
          {recovery.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button className="primary" type="button" onClick={() => (onSignedIn ? onSignedIn(recovery.answer) : onEnrolled?.())}>
          Tôi đã lưu các mã, tiếp tục
        </button>
      </div>
    );
  }
  return (
    <div>
      {error && <Alert>{error}</Alert>}
      {!enrolment ? (
        <button className="primary" type="button" onClick={() => void start()} disabled={busy}>
          Cài đặt ứng dụng xác thực
        </button>
      ) : (
        <form onSubmit={confirm} noValidate>
          <ol>
            <li>Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) và quét mã QR dưới đây.</li>
            <li>
              Nếu không quét được, nhập khoá: <code className="totp-secret">{enrolment.secret}</code>
            </li>
            <li>Nhập mã 6 chữ số ứng dụng hiển thị.</li>
          </ol>
          <img src={enrolment.qrCode} alt="Mã QR để thêm tài khoản vào ứng dụng xác thực" width={200} height={200} />
          <div className="field">
            <label htmlFor="enrol-code">Mã 6 chữ số</label>
            <input id="enrol-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <button className="primary" type="submit" disabled={busy}>
            Xác nhận
          </button>
        </form>
      )}
    </div>
  );
}

/** A signed-in officer's own account: enrol the second factor when the deployment does not yet require it. */
export function AccountSecurityPage() {
  useTitle('Tài khoản của tôi');
  const officer = session.officer();
  const [enrolled, setEnrolled] = useState(false);
  if (!officer) {
    navigate(`/mot-cua/dang-nhap?next=${encodeURIComponent('/mot-cua/tai-khoan')}`, true);
    return null;
  }
  return (
    <section className="narrow">
      <h1>Tài khoản của tôi</h1>
      <p>
        <strong>{officer.officer.fullName}</strong> ({officer.officer.username}) · {officer.officer.agencyCode}
      </p>
      <h2>Xác thực hai yếu tố</h2>
      {enrolled ? (
        <Alert kind="success">Từ lần đăng nhập sau, bạn sẽ được hỏi mã trong ứng dụng xác thực.</Alert>
      ) : (
        <SecondFactorEnrolment bearer={OFFICER_COOKIE} onEnrolled={() => setEnrolled(true)} />
      )}
    </section>
  );
}
