import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './api';
import { HomePage, ProcedurePage } from './citizen-catalogue';
import { CitizenDossierPage } from './citizen-dossier-page';
import { MyDossiersPage } from './citizen-dossiers';
import { SignInPage } from './citizen-sign-in';
import { SubmitPage } from './citizen-submit';
import { TrackingPage } from './tracking-page';
import { ADMIN_ROLES, AdminIndex, AdminPage } from './admin-nav';
import { AdminAuditPage } from './admin-audit';
import { AdminOfficersPage } from './admin-officers';
import { DeskDossierPage } from './desk-dossier';
import { WorklistPage } from './desk-worklist';
import { DeskIntakePage } from './desk-intake';
import { AdminAgenciesPage } from './admin-agencies';
import { AccountSecurityPage, OfficerLoginPage } from './officer-sign-in';
import { ReportsPage } from './reports';
import { AdminProceduresPage } from './admin-procedures';
import { AdminReorganizationsPage } from './admin-reorganizations';
import { Link, navigate, useLocation } from './router';
import './styles.css';

function Route() {
  const { path, query } = useLocation();
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  const desk = seg[0] === 'mot-cua';
  const citizen = session.citizen();
  const officer = session.officer();
  let page;
  if (seg.length === 0) page = <HomePage q={query.get('q') ?? ''} />;
  else if (seg[0] === 'thu-tuc' && seg[1]) page = <ProcedurePage code={seg[1]} />;
  else if (seg[0] === 'nop' && seg[1]) page = <SubmitPage code={seg[1]} />;
  else if (seg[0] === 'dang-nhap') page = <SignInPage next={query.get('next') ?? '/ho-so'} />;
  else if (seg[0] === 'ho-so' && seg[1]) page = <CitizenDossierPage code={seg[1]} paid={query.get('thanh-toan')} />;
  else if (seg[0] === 'ho-so') page = <MyDossiersPage />;
  else if (seg[0] === 'tra-cuu') page = <TrackingPage initialCode={seg[1] ?? query.get('code') ?? ''} />;
  else if (desk && seg[1] === 'dang-nhap') page = <OfficerLoginPage next={query.get('next') ?? '/mot-cua'} />;
  else if (desk && seg[1] === 'ho-so' && seg[2]) page = <DeskDossierPage code={seg[2]} />;
  else if (desk && seg[1] === 'bao-cao') page = <ReportsPage />;
  else if (desk && seg[1] === 'tiep-nhan') page = <DeskIntakePage />;
  else if (desk && seg[1] === 'tai-khoan') page = <AccountSecurityPage />;
  else if (desk && seg[1] === 'quan-tri' && !seg[2]) page = <AdminIndex />;
  else if (desk && seg[1] === 'quan-tri' && seg[2] === 'can-bo')
    page = (
      <AdminPage>
        <AdminOfficersPage />
      </AdminPage>
    );
  else if (desk && seg[1] === 'quan-tri' && seg[2] === 'nhat-ky')
    page = (
      <AdminPage>
        <AdminAuditPage />
      </AdminPage>
    );
  else if (desk && seg[1] === 'quan-tri' && seg[2] === 'co-quan')
    page = (
      <AdminPage>
        <AdminAgenciesPage key={location.search} unitCode={query.get('don-vi') ?? undefined} />
      </AdminPage>
    );
  else if (desk && seg[1] === 'quan-tri' && seg[2] === 'sap-xep')
    page = (
      <AdminPage>
        <AdminReorganizationsPage />
      </AdminPage>
    );
  else if (desk && seg[1] === 'quan-tri' && seg[2] === 'thu-tuc')
    page = (
      <AdminPage>
        <AdminProceduresPage code={query.get('ma')} />
      </AdminPage>
    );
  else if (desk) page = <WorklistPage key={path + location.search} query={query} />;
  else
    page = (
      <>
        <h1>Không tìm thấy trang</h1>
        <p>
          <Link to="/">Về trang chủ</Link>
        </p>
      </>
    );
  return (
    <>
      <a className="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className={`top${desk ? ' desk' : ''}`}>
        <div className="wrap">
          <Link to={desk ? '/mot-cua' : '/'} className="brand">
            <span aria-hidden="true" className="logo">
              ★
            </span>
            <span>{desk ? 'Một cửa điện tử Hà Nội' : 'Cổng dịch vụ công Hà Nội'}</span>
          </Link>
          <nav aria-label="Điều hướng chính">
            {desk ? (
              <>
                <Link to="/mot-cua">Danh sách hồ sơ</Link>
                <Link to="/mot-cua/tiep-nhan">Tiếp nhận hồ sơ</Link>
                <Link to="/mot-cua/bao-cao">Báo cáo</Link>
                {officer && officer.officer.roles.some((r) => ADMIN_ROLES.includes(r)) && <Link to="/mot-cua/quan-tri">Quản trị</Link>}
                {officer && <Link to="/mot-cua/tai-khoan">Tài khoản</Link>}
                {officer ? (
                  <button
                    className="link"
                    onClick={() => {
                      void session.signOutOfficer().then(() => navigate('/mot-cua/dang-nhap'));
                    }}
                  >
                    Đăng xuất
                  </button>
                ) : (
                  <Link to="/mot-cua/dang-nhap">Đăng nhập</Link>
                )}
              </>
            ) : (
              <>
                <Link to="/">Thủ tục</Link>
                <Link to="/tra-cuu">Tra cứu</Link>
                <Link to="/ho-so">Hồ sơ của tôi</Link>
                {citizen ? (
                  <button
                    className="link"
                    onClick={() => {
                      void session.signOutCitizen().then((leaving) => {
                        if (!leaving) navigate('/');
                      });
                    }}
                  >
                    Đăng xuất
                  </button>
                ) : (
                  <Link to="/dang-nhap">Đăng nhập</Link>
                )}
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {page}
      </main>
      <footer className="wrap foot">
        <p>UBND Thành phố Hà Nội · Cổng dịch vụ công · {desk ? <Link to="/">Cổng công dân</Link> : <Link to="/mot-cua">Dành cho cán bộ</Link>}</p>
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Route />
  </StrictMode>,
);
