import { DOSSIER_ACTIONS, slugOfAction } from '@dvc/core';
import { DOCUMENT_FORMS } from '@dvc/documents';
import { exampleOf, fillPath, pathParamNames, type Operation } from './openapi-operations';
import { actionBody } from './sweep-fixtures';

export interface DossierRequest {
  method: string;
  path: string;
  body?: unknown;
}

/**
 * Every request the API offers on one dossier, from the OpenAPI document: each route under /dossiers/{code}, each
 * action and each form, with a valid body at the dossier's current version (so only scope can stop it).
 */
export function dossierRequests(operations: Operation[], d: { code: string; fileId: string; version: number; specialistId: string }): DossierRequest[] {
  const choices: Record<string, string[]> = { action: DOSSIER_ACTIONS.map(slugOfAction), form: [...DOCUMENT_FORMS], fileId: [d.fileId], id: [d.fileId] };
  const out: DossierRequest[] = [];
  for (const op of operations.filter((o) => o.path.startsWith('/api/v1/dossiers/{code}'))) {
    let variants: Record<string, string>[] = [{ code: d.code }];
    for (const name of pathParamNames(op.path).filter((n) => n !== 'code')) {
      variants = variants.flatMap((v) => (choices[name] ?? ['x']).map((value) => ({ ...v, [name]: value })));
    }
    for (const values of variants) {
      const body = op.method === 'GET' ? undefined
        : values.action ? actionBody(values.action, d, d.version)
          : op.body ? exampleOf(op.body.schema) : {};
      out.push({ method: op.method, path: fillPath(op.path, values), body });
    }
  }
  return out;
}

export function judicialRecordForm(phone: string) {
  return {
    nguoiDuocCap: {
      hoTen: 'Nguyễn Văn An', gioiTinh: 'Nam', ngaySinh: '1990-05-17', noiSinh: 'Hà Nội', quocTich: 'Việt Nam', soDinhDanh: '001090012345',
      noiThuongTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội', soDienThoai: phone,
    },
    loaiPhieu: 1, soLuongPhieu: 1, nhanKetQua: 'Qua dịch vụ bưu chính',
  };
}

/** Copy of a civil-status extract: level 4, 8,000 VND a copy, paid before processing. */
export function transcriptForm(phone: string, copies: number) {
  return {
    nguoiYeuCau: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001090012345', soDienThoai: phone, noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    loaiTrichLuc: 'Khai sinh',
    nguoiDuocCap: { hoTen: 'Nguyễn Minh Khôi', ngaySinh: '2020-05-01' },
    noiDangKy: 'UBND phường Tràng Tiền',
    soBanSao: copies,
  };
}

/** Household business registration (1.001612): received and decided by the district. */
export function householdBusinessForm(phone: string) {
  return {
    tenHoKinhDoanh: 'Hộ kinh doanh Phở Tràng Tiền',
    chuHo: {
      hoTen: 'Nguyễn Văn An', ngaySinh: '1990-05-17', gioiTinh: 'Nam', soDinhDanh: '001090012345', noiThuongTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội', soDienThoai: phone,
    },
    diaChiKinhDoanh: '5 Hàng Khay, Hoàn Kiếm, Hà Nội',
    nganhNghe: [{ maNganh: '5610', tenNganh: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', laNganhChinh: true }],
    vonKinhDoanh: 100_000_000,
  };
}
