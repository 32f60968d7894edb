import type request from 'supertest';

/** A minimal valid PDF: enough for content sniffing to recognise it. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function uploadPdf(http: ReturnType<typeof request>, token: string, name = 'giay-to.pdf'): Promise<string> {
  const res = await http
    .post('/api/v1/files')
    .set('Authorization', `Bearer ${token}`)
    .attach('file', TINY_PDF, { filename: name, contentType: 'application/pdf' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export const APPLICANT = {
  fullName: 'Nguyễn Văn An',
  idNumber: '001090012345',
  address: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội',
  birthDate: '1990-05-17',
};

export function birthRegistrationForm(phone: string) {
  return {
    nguoiYeuCau: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001090012345', quanHe: 'Cha', soDienThoai: phone, noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    treEm: {
      hoTen: 'Nguyễn Minh Khôi',
      gioiTinh: 'Nam',
      ngaySinh: '2026-11-20',
      noiSinh: 'Bệnh viện Phụ sản Hà Nội',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      queQuan: 'Hà Nội',
    },
    me: { hoTen: 'Trần Thị Bình', ngaySinh: '1992-03-08', danToc: 'Kinh', quocTich: 'Việt Nam', noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
  };
}

export function socialAllowanceForm(phone: string) {
  return {
    nguoiKhai: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001090012345', soDienThoai: phone, noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    doiTuong: { hoTen: 'Nguyễn Thị Cúc', gioiTinh: 'Nữ', ngaySinh: '1940-02-02', noiThuongTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    loaiDeNghi: 'Thực hiện trợ cấp',
    nhomDoiTuong: 'Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng',
    hinhThucNhan: 'Nhận tiền mặt tại xã',
  };
}

export function landTransferForm(phone: string) {
  return {
    nguoiNopHoSo: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001090012345', soDienThoai: phone, noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    hinhThucBienDong: 'Chuyển nhượng',
    benChuyenQuyen: { hoTen: 'Lê Văn Bình', soDinhDanh: '001085054321' },
    benNhanQuyen: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001090012345', diaChi: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    giayChungNhan: { soPhatHanh: 'CS 123456', ngayCap: '2015-06-01' },
    thuaDat: { soThua: 15, soToBanDo: 7, dienTich: 62.5, diaChi: '5 Hàng Khay, Hoàn Kiếm, Hà Nội' },
    hopDong: { soCongChung: '1234/2026', ngayCongChung: '2026-11-01', toChucCongChung: 'Văn phòng công chứng Hoàn Kiếm' },
  };
}

/** Judicial record certificate (Phiếu lý lịch tư pháp). */
export function judicialRecordForm(phone: string) {
  return {
    nguoiDuocCap: {
      hoTen: 'Nguyễn Văn An',
      gioiTinh: 'Nam',
      ngaySinh: '1990-05-17',
      noiSinh: 'Hà Nội',
      quocTich: 'Việt Nam',
      soDinhDanh: '001090012345',
      noiThuongTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội',
      soDienThoai: phone,
    },
    loaiPhieu: 1,
    soLuongPhieu: 1,
    nhanKetQua: 'Qua dịch vụ bưu chính',
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
      hoTen: 'Nguyễn Văn An',
      ngaySinh: '1990-05-17',
      gioiTinh: 'Nam',
      soDinhDanh: '001090012345',
      noiThuongTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội',
      soDienThoai: phone,
    },
    diaChiKinhDoanh: '5 Hàng Khay, Hoàn Kiếm, Hà Nội',
    nganhNghe: [{ maNganh: '5610', tenNganh: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', laNganhChinh: true }],
    vonKinhDoanh: 100_000_000,
  };
}

/** A complete valid submission body for a procedure, with a fresh PDF for every required component. */
export async function submissionFor(
  http: ReturnType<typeof request>,
  token: string,
  phone: string,
  procedure: { code: string; agencyCode: string; form: Record<string, unknown>; components: string[] },
) {
  const components = [];
  for (const code of procedure.components) components.push({ code, fileIds: [await uploadPdf(http, token, `${code}.pdf`)] });
  return {
    procedureCode: procedure.code,
    agencyCode: procedure.agencyCode,
    applicant: { ...APPLICANT, phone },
    form: procedure.form,
    components,
  };
}

export const DESKS = {
  trangTien: '001.35.22.H26',
  hoanKiem: '000.01.22.H26',
  departmentOfJustice: '000.00.01.H26',
};
