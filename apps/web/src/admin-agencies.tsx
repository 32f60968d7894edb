// Administration of a unit's agencies and desks: create and edit agencies, name the procedures each receives or
// processes, close one from a date, and keep the unit's office hours. Administrators reach every unit, unit
// administrators their own unit and the units below it (the API answers 404 for anything else).
import { useEffect, useState } from 'react';
import { api, ApiError, errorText, session } from './api';
import { navigate } from './router';
import { Alert, Loading, useTitle } from './ui';
import { AgencyForm, OfficeHoursForm } from './admin-agency-forms';
import { Agency, KINDS, SECTORS, Unit } from './admin-agency-model';

export function AdminAgenciesPage({ unitCode }: { unitCode?: string }) {
  useTitle('Quản trị cơ quan, bộ phận tiếp nhận');
  const officer = session.officer();
  const isAdmin = !!officer && officer.officer.roles.some((r) => r === 'admin' || r === 'unit_admin');
  const code = unitCode || officer?.officer.unitCode || '';
  const [unit, setUnit] = useState<Unit | null>(null);
  const [children, setChildren] = useState<{ code: string; name: string }[]>([]);
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [editing, setEditing] = useState<Agency | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [newFormKey, setNewFormKey] = useState(0);
  useEffect(() => {
    if (!officer) navigate('/mot-cua/dang-nhap?next=/mot-cua/quan-tri/co-quan', true);
  }, []);
  async function load() {
    setError('');
    setAgencies(null);
    try {
      const [u, list, kids] = await Promise.all([
        api<Unit>(`/units/${encodeURIComponent(code)}`),
        api<Agency[]>(`/admin/agencies?unitCode=${encodeURIComponent(code)}&includeClosed=true`, { token: officer!.token }),
        api<{ code: string; name: string }[]>(`/units?parentCode=${encodeURIComponent(code)}`),
      ]);
      setUnit(u);
      setAgencies(list);
      setChildren(kids);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? 'Đơn vị này không có hoặc nằm ngoài phạm vi bạn quản trị.' : errorText(e));
    }
  }
  useEffect(() => {
    if (isAdmin && code) void load();
  }, [code]);
  if (!officer) return null;
  if (!isAdmin)
    return (
      <section>
        <h1>Quản trị cơ quan, bộ phận tiếp nhận</h1>
        <Alert>Chỉ quản trị viên và quản trị viên đơn vị được dùng trang này.</Alert>
      </section>
    );
  const open = (to: string) => navigate(`/mot-cua/quan-tri/co-quan?don-vi=${encodeURIComponent(to)}`);
  function saved(a: Agency, created: boolean) {
    setNotice(created ? `Đã thêm cơ quan ${a.code} — ${a.name}.` : `Đã lưu cơ quan ${a.code}.`);
    setEditing(null);
    setNewFormKey((k) => k + 1);
    void load();
  }
  return (
    <section>
      <h1>Quản trị cơ quan, bộ phận tiếp nhận</h1>
      {unit && (
        <p className="crumbs">
          Đơn vị: <strong>{unit.name}</strong> ({unit.code})
          {unit.parentCode && unit.code !== officer.officer.unitCode && (
            <>
              {' '}
              ·{' '}
              <button className="link" onClick={() => open(unit.parentCode!)}>
                Lên đơn vị cấp trên
              </button>
            </>
          )}
        </p>
      )}
      {children.length > 0 && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            const v = (e.currentTarget.elements.namedItem('child') as HTMLSelectElement).value;
            if (v) open(v);
          }}
        >
          <div className="field">
            <label htmlFor="child">Đơn vị trực thuộc</label>
            <select id="child" name="child" defaultValue="">
              <option value="">— Chọn đơn vị —</option>
              {children.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Mở đơn vị</button>
        </form>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      {!agencies && !error && <Loading />}
      {agencies && unit && (
        <>
          <div className="table-wrap">
            <table>
              <caption>Cơ quan của {unit.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Mã định danh</th>
                  <th scope="col">Tên</th>
                  <th scope="col">Loại</th>
                  <th scope="col">Lĩnh vực</th>
                  <th scope="col">Tiếp nhận</th>
                  <th scope="col">Thủ tục được giao</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">
                    <span className="sr-only">Thao tác</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {agencies.map((a) => (
                  <tr key={a.code}>
                    <td className="nowrap">{a.code}</td>
                    <td>{a.name}</td>
                    <td>{KINDS[a.kind] ?? a.kind}</td>
                    <td>{a.sectors.map((s) => SECTORS[s] ?? s).join(', ')}</td>
                    <td>{a.receives ? 'Có' : 'Không'}</td>
                    <td>
                      {a.procedures.receives.length > 0 && (
                        <>
                          Tiếp nhận: {a.procedures.receives.join(', ')}
                          <br />
                        </>
                      )}
                      {a.procedures.processes.length > 0 && <>Giải quyết: {a.procedures.processes.join(', ')}</>}
                      {a.procedures.receives.length + a.procedures.processes.length === 0 && <span className="muted">Theo cấp và lĩnh vực</span>}
                    </td>
                    <td>{!a.closedFrom ? 'Đang hoạt động' : a.open ? `Ngừng tiếp nhận từ ${a.closedFrom}` : `Đã đóng từ ${a.closedFrom}`}</td>
                    <td>
                      {a.kind !== 'people_committee' && (!a.validTo || a.open) && (
                        <button type="button" onClick={() => setEditing(a)} aria-label={`Sửa ${a.name}`}>
                          Sửa
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editing && <AgencyForm key={editing.code} unit={unit} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />}
          <AgencyForm key={`new-${unit.code}-${newFormKey}`} unit={unit} editing={null} onSaved={saved} onCancel={() => undefined} />
          <OfficeHoursForm unit={unit} onSaved={setUnit} />
        </>
      )}
    </section>
  );
}
