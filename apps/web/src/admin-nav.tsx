import type { ReactNode } from 'react';
import { session } from './api';
import { Link, useLocation } from './router';

/** The administration pages and who sees each (the API decides; this only hides what would answer 403). */
const SECTIONS: ReadonlyArray<{ path: string; name: string; roles: readonly string[] }> = [
  { path: '/mot-cua/quan-tri/can-bo', name: 'Cán bộ', roles: ['admin', 'unit_admin'] },
  { path: '/mot-cua/quan-tri/co-quan', name: 'Cơ quan', roles: ['admin', 'unit_admin'] },
  { path: '/mot-cua/quan-tri/nhat-ky', name: 'Nhật ký', roles: ['admin', 'auditor'] },
];

/** An administration page under its section tabs. */
export function AdminPage({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const roles = session.officer()?.officer.roles ?? [];
  const visible = SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
  return (
    <>
      <nav className="subnav" aria-label="Quản trị">
        {visible.map((s) => (
          <Link key={s.path} to={s.path} aria-current={path === s.path ? 'page' : undefined}>{s.name}</Link>
        ))}
      </nav>
      {children}
    </>
  );
}
