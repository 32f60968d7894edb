import { field, gap, paragraph, signatures } from '../pdf-layout';
import { drawDossierCode } from '../pdf-header';
import { capitalizeFirst, formatDateVn, formatTimeDateVn, parseTime } from '../vn-format';
import { FormRenderer, requireSection, requireText } from './form-renderer';

export const APOLOGY_TITLES = {
  decree_61_2018: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  decree_118_2025: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
} as const;

/**
 * Mẫu số 04: the apology for a late result with the new appointment (Decree 61/2018), or the letter of apology
 * asking for an extension (Decree 118/2025 + Circular 03/2025).
 */
export const apologyForm: FormRenderer = {
  spec(data) {
    const a = requireSection(data, data.apology, 'apology');
    requireText(data, a.reason, 'the reason for the delay');
    parseTime(a.issuedAt, 'apology.issuedAt');
    parseTime(a.previousDueAt, 'apology.previousDueAt');
    parseTime(a.newDueAt, 'apology.newDueAt');
    return { formNumber: 'Mẫu số 04', title: APOLOGY_TITLES[data.ruleSet], issuedAt: a.issuedAt };
  },

  drawBody(doc, data) {
    const a = data.apology!;
    const extension = data.ruleSet === 'decree_118_2025';
    drawDossierCode(doc, data.dossierCode);
    field(doc, 'Kính gửi ông/bà', data.applicant.fullName);
    field(doc, 'Địa chỉ', data.applicant.address);
    gap(doc, 6);

    const receivedOn = capitalizeFirst(formatDateVn(data.receivedAt ?? data.submittedAt, 'receivedAt'));
    paragraph(doc, `${receivedOn}, ${data.agency.name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục: ${data.procedureName}.`);
    field(doc, extension ? 'Thời hạn giải quyết theo giấy hẹn' : 'Thời gian hẹn trả kết quả', formatTimeDateVn(a.previousDueAt, 'previousDueAt'));
    gap(doc, 4);
    paragraph(doc, 'Tuy nhiên đến nay, cơ quan giải quyết chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng hẹn.');
    field(doc, 'Lý do', a.reason.trim());
    gap(doc, 4);
    if (extension) {
      paragraph(doc, 'Cơ quan giải quyết chân thành xin lỗi ông/bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến:');
      field(doc, 'Thời hạn giải quyết mới', formatTimeDateVn(a.newDueAt, 'newDueAt'), { indent: 14 });
    } else {
      paragraph(doc, 'Sự chậm trễ này đã gây phiền hà cho ông/bà. Cơ quan giải quyết chân thành xin lỗi ông/bà và hẹn trả kết quả vào:');
      field(doc, 'Thời gian hẹn trả kết quả mới', formatTimeDateVn(a.newDueAt, 'newDueAt'), { indent: 14 });
    }
    gap(doc, 4);
    paragraph(doc, 'Kính mong nhận được sự thông cảm của ông/bà./.');

    signatures(doc, null, {
      role: 'THỦ TRƯỞNG CƠ QUAN',
      note: '(Ký, ghi rõ họ tên và đóng dấu)',
      name: a.signedBy?.name ?? null,
      title: a.signedBy?.title ?? null,
    });
  },
};
