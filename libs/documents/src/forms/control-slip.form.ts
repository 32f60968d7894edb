import { field, gap, paragraph } from '../pdf-layout';
import { drawDossierCode } from '../pdf-header';
import { drawTable } from '../pdf-table';
import { formatShortVn, formatTimeDateVn, parseTime } from '../vn-format';
import { FormRenderer, requireSection } from './form-renderer';

export const CONTROL_SLIP_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

const RESULT_LABELS: Record<string, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
  within_deadline: 'Trong hạn',
  overdue: 'Quá hạn',
};

/** Mẫu số 05 (Decree 61/2018) / Mẫu số 06 (Decree 118/2025): every hand-over of the dossier, in order. */
export const controlSlipForm: FormRenderer = {
  spec(data) {
    const lines = requireSection(data, data.controlSlip, 'control slip');
    lines.forEach((l, i) => parseTime(l.at, `controlSlip[${i}].at`));
    const issuedAt = data.receivedAt ?? data.submittedAt;
    parseTime(issuedAt, 'receivedAt');
    return { formNumber: data.ruleSet === 'decree_118_2025' ? 'Mẫu số 06' : 'Mẫu số 05', title: CONTROL_SLIP_TITLE, issuedAt };
  },

  drawBody(doc, data) {
    drawDossierCode(doc, data.dossierCode);
    paragraph(doc, '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', { font: 'italic', size: 10, align: 'center' });
    gap(doc, 6);
    field(doc, 'Người nộp hồ sơ', data.applicant.fullName);
    field(doc, 'Thủ tục', data.procedureName);
    field(doc, 'Cơ quan tiếp nhận', data.agency.name);
    if (data.receivedAt) field(doc, 'Thời gian nhận hồ sơ', formatTimeDateVn(data.receivedAt, 'receivedAt'));
    if (data.dueAt) field(doc, 'Thời gian hẹn trả kết quả', formatTimeDateVn(data.dueAt, 'dueAt'));
    gap(doc, 8);

    const lines = [...(data.controlSlip ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    drawTable(
      doc,
      [
        { header: 'TT', weight: 5, align: 'center' },
        { header: 'Bên giao', weight: 16 },
        { header: 'Bên nhận', weight: 16 },
        { header: 'Thời gian giao, nhận', weight: 14, align: 'center' },
        { header: 'Nội dung', weight: 16 },
        { header: 'Kết quả giải quyết', weight: 13, align: 'center' },
        { header: 'Người giao', weight: 20 },
      ],
      lines.map((l, i) => [
        String(i + 1),
        l.fromAgencyName ?? '—',
        l.toAgencyName ?? '—',
        formatShortVn(l.at, `controlSlip[${i}].at`).replace(' ', '\n'),
        l.action,
        l.result ? (RESULT_LABELS[l.result] ?? l.result) : '',
        l.givenBy,
      ]),
      { size: 9, emptyText: '(chưa có lượt giao, nhận hồ sơ)' },
    );
  },
};
