import { field, gap, paragraph, signatures } from '../pdf-layout';
import { drawDossierCode } from '../pdf-header';
import { parseTime } from '../vn-format';
import { DocumentDataError } from '../document-data-error';
import { FormRenderer, requireSection, requireText } from './form-renderer';
import { applicantFields } from './receipt.form';

/**
 * Thông báo dừng giải quyết hồ sơ: the notice Circular 03/2025/TT-VPCP added (the seventh form). Dossiers received
 * under Decree 61/2018 have no such form.
 */
export const stopNoticeForm: FormRenderer = {
  spec(data) {
    if (data.ruleSet !== 'decree_118_2025') {
      throw new DocumentDataError(`Dossier ${data.dossierCode} follows Decree 61/2018, which has no stop notice`);
    }
    const s = requireSection(data, data.stop, 'stop');
    requireText(data, s.reason, 'the reason for stopping');
    parseTime(s.stoppedAt, 'stop.stoppedAt');
    return { formNumber: 'Mẫu số 07', title: 'THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ', issuedAt: s.stoppedAt };
  },

  drawBody(doc, data) {
    const s = data.stop!;
    drawDossierCode(doc, data.dossierCode);
    paragraph(doc, `${data.agency.name} đã tiếp nhận hồ sơ của:`);
    gap(doc, 2);
    applicantFields(doc, data);
    field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
    gap(doc, 6);
    paragraph(doc, 'Nay thông báo dừng giải quyết hồ sơ nêu trên với lý do như sau:');
    gap(doc, 2);
    paragraph(doc, s.reason.trim(), { font: 'bold', indent: 14 });
    gap(doc, 6);
    paragraph(doc, 'Phí, lệ phí đã nộp (nếu có) được hoàn trả theo quy định. Xin thông báo để ông/bà được biết./.');

    signatures(doc, null, { role: 'NGƯỜI CÓ THẨM QUYỀN', name: s.stoppedBy.name, title: s.stoppedBy.title ?? null });
  },
};
