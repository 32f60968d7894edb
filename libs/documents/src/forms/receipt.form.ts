import { DocumentData } from '../document-data';
import { drawDossierCode } from '../pdf-header';
import { field, gap, listItem, paragraph, signatures } from '../pdf-layout';
import { drawTable } from '../pdf-table';
import { formatTimeDateVn, formatVnd, parseTime } from '../vn-format';
import { FormRenderer, RESULT_DELIVERY_LABELS, requireText } from './form-renderer';

const count = (n: number): string => (n > 0 ? String(n) : '-');

/** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export const receiptForm: FormRenderer = {
  spec(data) {
    const receivedAt = requireText(data, data.receivedAt, 'the reception time (receivedAt)');
    requireText(data, data.dueAt, 'the appointment for the result (dueAt)');
    parseTime(receivedAt, 'receivedAt');
    return { formNumber: 'Mẫu số 01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', issuedAt: receivedAt };
  },

  drawBody(doc, data) {
    const receivedAt = data.receivedAt as string;
    const dueAt = data.dueAt as string;
    drawDossierCode(doc, data.dossierCode);

    paragraph(doc, `${data.agency.name} tiếp nhận hồ sơ của:`);
    gap(doc, 2);
    applicantFields(doc, data);
    field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
    field(doc, 'Mã thủ tục', data.procedureCode);
    gap(doc, 6);

    paragraph(doc, '1. Thành phần hồ sơ nộp gồm:', { font: 'bold' });
    gap(doc, 3);
    drawTable(
      doc,
      [
        { header: 'TT', weight: 5, align: 'center' },
        { header: 'Tên giấy tờ', weight: 39 },
        { header: 'Bản chính', weight: 11, align: 'center' },
        { header: 'Bản sao chứng thực', weight: 13, align: 'center' },
        { header: 'Bản chụp', weight: 11, align: 'center' },
        { header: 'Ghi chú', weight: 13, align: 'center' },
      ],
      data.components.map((c, i) => [String(i + 1), c.name, count(c.originals), count(c.certifiedCopies), count(c.photocopies), c.provided ? '' : 'Chưa nộp']),
      { emptyText: '(không có thành phần hồ sơ)' },
    );

    paragraph(doc, '2. Số lượng hồ sơ: 01 (bộ)');
    field(doc, '3. Thời gian nhận hồ sơ', formatTimeDateVn(receivedAt, 'receivedAt'));
    field(doc, '4. Thời gian trả kết quả', formatTimeDateVn(dueAt, 'dueAt'));
    field(doc, '5. Hình thức nhận kết quả', RESULT_DELIVERY_LABELS[data.resultDelivery] ?? data.resultDelivery);

    const fees = data.fees ?? [];
    if (fees.length > 0 || (data.feeTotalVnd ?? 0) > 0) {
      paragraph(doc, '6. Phí, lệ phí:');
      for (const fee of fees) listItem(doc, '-', `${fee.name}: ${formatVnd(fee.amountVnd)}`);
      const total = data.feeTotalVnd ?? fees.reduce((s, f) => s + f.amountVnd, 0);
      field(doc, 'Tổng cộng', formatVnd(total), { indent: 14 });
    }

    signatures(
      doc,
      { role: 'NGƯỜI NỘP HỒ SƠ', name: data.applicant.fullName },
      { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.receivedBy?.name ?? null, title: data.receivedBy?.title ?? null },
    );
  },
};

export function applicantFields(doc: PDFKit.PDFDocument, data: DocumentData): void {
  const a = data.applicant;
  field(doc, 'Ông/bà', a.fullName, { indent: 14 });
  field(doc, 'Số định danh cá nhân', a.idNumber, { indent: 14 });
  field(doc, 'Địa chỉ', a.address, { indent: 14 });
  field(doc, 'Số điện thoại', a.phone, { indent: 14 });
  if (a.email) field(doc, 'Thư điện tử', a.email, { indent: 14 });
}
