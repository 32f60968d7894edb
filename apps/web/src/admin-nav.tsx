import { useEffect, type ReactNode } from 'react';
import { session } from './api';
import { Link, navigate, useLocation } from './router';

/** The administration pages and who sees each (the API decides; this only hides what would answer 403). */
const SECTIONS: ReadonlyArray<{ path: string; name: string; roles: readonly string[] }> = [
  { path: '/mot-cua/quan-tri/can-bo', name: 'Cán bộ', roles: ['admin', 'unit_admin'] },
  { path: '/mot-cua/quan-tri/co-quan', name: 'Cơ quan', roles: ['admin', 'unit_admin'] },
  { path: '/mot-cua/quan-tri/thu-tuc', name: 'Thủ tục', roles: ['admin'] },
  { path: '/mot-cua/quan-tri/sap-xep', name: 'Sắp xếp đơn vị', roles: ['admin'] },
  { path: '/mot-cua/quan-tri/nhat-ky', name: 'Nhật ký', roles: ['admin', 'auditor'] },
];

/** Roles that see at least one administration page. */
export const ADMIN_ROLES: readonly string[] = [...new Set(SECTIONS.flatMap((s) => s.roles))];

const visibleSections = () => {
  const roles = session.officer()?.officer.roles ?? [];
  return SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
};

/** /mot-cua/quan-tri: the first page the officer may use. */
export function AdminIndex() {
  useEffect(() => {
    const first = visibleSections()[0];
    navigate(first ? first.path : '/mot-cua', true);
  }, []);
  return null;
}

/** An administration page under its section tabs. */
export function AdminPage({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const visible = visibleSections();
  return (
    <>
      <nav className="subnav" aria-label="Quản trị">
        {visible.map((s) => (
          <Link key={s.path} to={s.path} aria-current={path === s.path ? 'page' : undefined}>
            {s.name}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}
