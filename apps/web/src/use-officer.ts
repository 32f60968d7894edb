import { useEffect } from 'react';
import { session } from './api';
import { navigate } from './router';

/** The signed-in officer, or a redirect to the sign-in page that comes back here. */
export function useOfficer() {
  const s = session.officer();
  useEffect(() => {
    if (!s) navigate(`/mot-cua/dang-nhap?next=${encodeURIComponent(location.pathname)}`, true);
  }, [s]);
  return s;
}
