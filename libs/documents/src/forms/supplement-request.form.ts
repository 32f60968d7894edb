import { field, gap, listItem, paragraph, signatures } from '../pdf-layout';
import { drawDossierCode } from '../pdf-header';
import { capitalizeFirst, formatDateVn, parseTime } from '../vn-format';
import { FormRenderer, requireSection, requireText } from './form-renderer';

/** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export const supplementRequestForm: FormRenderer = {
  spec(data) {
    const s = requireSection(data, data.supplement, 'supplementation request');
    requireText(data, s.reason, 'the reason for the supplementation request');
    parseTime(s.requestedAt, 'supplement.requestedAt');
    return { formNumber: 'Mẫu số 02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', issuedAt: s.requestedAt };
  },

  drawBody(doc, data) {
    const s = data.supplement!;
    drawDossierCode(doc, data.dossierCode);
    field(doc, 'Kính gửi ông/bà', data.applicant.fullName);
    field(doc, 'Địa chỉ', data.applicant.address);
    field(doc, 'Số điện thoại', data.applicant.phone);
    gap(doc, 6);

    const receivedOn = capitalizeFirst(formatDateVn(data.receivedAt ?? data.submittedAt, 'receivedAt'));
    paragraph(doc, `${receivedOn}, ${data.agency.name} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục: ${data.procedureName}.`);
    gap(doc, 4);
    paragraph(doc, 'Sau khi xem xét, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
    gap(doc, 2);
    if (s.missing.length === 0) paragraph(doc, '(xem lý do dưới đây)', { font: 'italic', indent: 14 });
    s.missing.forEach((m, i) => listItem(doc, `${i + 1}.`, m.name));
    gap(doc, 4);
    field(doc, 'Lý do', s.reason.trim());
    gap(doc, 4);
    paragraph(doc, 'Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết hồ sơ.');
    paragraph(
      doc,
      `Ông/bà có thể bổ sung hồ sơ trực tuyến trên Cổng dịch vụ công hoặc trực tiếp tại ${data.agency.name}. ` +
        'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ bộ phận này để được hướng dẫn.',
    );

    signatures(doc, null, { role: 'NGƯỜI HƯỚNG DẪN', name: s.requestedBy.name, title: s.requestedBy.title ?? null });
  },
};
