import { field, gap, paragraph, signatures } from '../pdf-layout';
import { drawDossierCode } from '../pdf-header';
import { parseTime } from '../vn-format';
import { FormRenderer, requireSection, requireText } from './form-renderer';
import { applicantFields } from './receipt.form';

/** Mẫu số 03: Phiếu từ chối tiếp nhận, giải quyết hồ sơ (the reason is mandatory). */
export const refusalForm: FormRenderer = {
  spec(data) {
    const r = requireSection(data, data.refusal, 'refusal');
    requireText(data, r.reason, 'the reason for the refusal');
    parseTime(r.refusedAt, 'refusal.refusedAt');
    return { formNumber: 'Mẫu số 03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ', issuedAt: r.refusedAt };
  },

  drawBody(doc, data) {
    const r = data.refusal!;
    drawDossierCode(doc, data.dossierCode);
    paragraph(doc, `${data.agency.name} tiếp nhận hồ sơ của:`);
    gap(doc, 2);
    applicantFields(doc, data);
    field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
    gap(doc, 6);
    paragraph(doc, `Qua xem xét, ${data.agency.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
    gap(doc, 2);
    paragraph(doc, r.reason.trim(), { font: 'bold', indent: 14 });
    gap(doc, 6);
    paragraph(doc, 'Xin thông báo để ông/bà được biết và thực hiện./.');

    signatures(doc, null, { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: r.refusedBy.name, title: r.refusedBy.title ?? null });
  },
};
