// The citizen's way in: search the catalogue (without diacritics) and read a procedure.
import { useEffect, useState } from 'react';
import { api, errorText, fmtVnd, levelName, processingTimeText, session } from './api';
import { Link, navigate } from './router';
import { Alert, Loading, useTitle } from './ui';

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
