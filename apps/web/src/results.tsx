// The result files of a dossier (GET /dossiers/{code}/results): the applicant's once released, officers' in scope.
import { useEffect, useState } from 'react';
import { api, downloadFile, errorText } from './api';
import { Alert } from './ui';

interface ResultFile {
  id: string;
  name: string;
  size: number;
  mime: string;
}
interface Results {
  release: 'released' | 'pending' | 'held_for_fees';
  files: ResultFile[];
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('vi-VN')} KB`;

export function ResultFiles({ code, token, version, citizen }: { code: string; token: string; version: number; citizen: boolean }) {
  const [r, setR] = useState<Results | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<Results>(`/dossiers/${encodeURIComponent(code)}/results`, { token }).then(setR, (e) => setError(errorText(e)));
  }, [code, version]);
  if (!r && !error) return null;
  if (r && r.release === 'pending' && r.files.length === 0) return null;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">Kết quả giải quyết</h2>
      {error && <Alert>{error}</Alert>}
      {r?.release === 'held_for_fees' && citizen && <Alert kind="info">Kết quả đã có và sẽ được trả sau khi bạn nộp đủ phí, lệ phí.</Alert>}
      {r && r.files.length === 0 && r.release === 'released' && <p>Kết quả không có tệp điện tử; vui lòng nhận tại nơi đã đăng ký.</p>}
      {r && r.files.length > 0 && (
        <ul className="files">
          {r.files.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="link"
                onClick={() => downloadFile(`/dossiers/${encodeURIComponent(code)}/results/${f.id}`, token, f.name).catch((e) => setError(errorText(e)))}
              >
                Tải kết quả: {f.name}
              </button>{' '}
              <span className="muted small">({kb(f.size)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
