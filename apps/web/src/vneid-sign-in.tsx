// The citizens' sign-in with VNeID: the button that starts it, the page's return from it (the ticket in the fragment
// is traded once for the access token), the verified identity shown read-only, and whether phone OTP is offered.
import { useEffect, useState } from 'react';
import { api, CitizenIdentity, errorText, session } from './api';
import { navigate } from './router';
import { Alert } from './ui';

/** Whether this deployment offers phone OTP (CITIZEN_OTP_ENABLED); null while asking. */
export function useOtpEnabled(): boolean | null {
  const [otp, setOtp] = useState<boolean | null>(null);
  useEffect(() => {
    api<{ otp: boolean }>('/auth/citizens/methods').then(
      (m) => setOtp(m.otp),
      () => setOtp(false),
    );
  }, []);
  return otp;
}

const LEVELS: Record<number, string> = { 0: 'Số điện thoại', 1: 'VNeID mức 1', 2: 'VNeID mức 2 (đã xác thực với CSDL quốc gia về dân cư)' };

export function IdentityCard({ identity, phone }: { identity: CitizenIdentity; phone: string }) {
  return (
    <dl className="facts" aria-label="Thông tin định danh">
      <div>
        <dt>Họ và tên</dt>
        <dd>{identity.fullName}</dd>
      </div>
      {identity.idNumber && (
        <div>
          <dt>Số định danh cá nhân</dt>
          <dd>{identity.idNumber}</dd>
        </div>
      )}
      {identity.taxCode && (
        <div>
          <dt>Mã số thuế</dt>
          <dd>{identity.taxCode}</dd>
        </div>
      )}
      {identity.birthDate && (
        <div>
          <dt>Ngày sinh</dt>
          <dd>{identity.birthDate.split('-').reverse().join('/')}</dd>
        </div>
      )}
      <div>
        <dt>Điện thoại</dt>
        <dd>{phone.replace(/^84/, '0')}</dd>
      </div>
      <div>
        <dt>Mức định danh</dt>
        <dd>{LEVELS[identity.assurance] ?? identity.assurance}</dd>
      </div>
    </dl>
  );
}

export function VneidSignIn({ next }: { next: string }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const ticket = /(?:^#|&)vneid=([\w-]+)/.exec(location.hash)?.[1];
    if (!ticket) return;
    history.replaceState(null, '', location.pathname + location.search);
    setBusy(true);
    api('/auth/citizens/vneid/session', { body: { ticket } }).then(
      (r) => {
        const c = r.citizen;
        session.setCitizen({
          token: r.accessToken,
          phone: c.phone,
          identity: { fullName: c.fullName, idNumber: c.idNumber, taxCode: c.taxCode, birthDate: c.birthDate, assurance: c.assurance },
        });
        navigate(next || '/ho-so', true);
      },
      (err) => {
        setError(errorText(err));
        setBusy(false);
      },
    );
  }, []);
  const returnTo = `/dang-nhap${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <div className="vneid">
      {error && <Alert>{`Đăng nhập VNeID không thành công: ${error}`}</Alert>}
      <a className="button primary" aria-disabled={busy} href={`/api/v1/auth/citizens/vneid/start?returnTo=${encodeURIComponent(returnTo)}`}>
        Đăng nhập bằng VNeID
      </a>
      <p className="muted">Dùng tài khoản định danh điện tử (ứng dụng VNeID) của công dân hoặc tổ chức.</p>
    </div>
  );
}
