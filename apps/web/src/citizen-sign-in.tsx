// The citizen's sign-in: VNeID, and phone OTP where the deployment keeps it on.
import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText, session } from './api';
import { navigate } from './router';
import { Alert, useTitle } from './ui';
import { useOtpEnabled, VneidSignIn } from './vneid-sign-in';

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

export function useCitizen() {
  const s = session.citizen();
  useEffect(() => {
    if (!s) navigate(`/dang-nhap?next=${encodeURIComponent(location.pathname)}`, true);
  }, [s]);
  return s;
}
