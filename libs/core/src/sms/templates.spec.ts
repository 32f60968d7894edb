import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { prepareSmsText } from './sms-text';
import {
  DEFAULT_SMS_TEMPLATES,
  SMS_TEMPLATE_KINDS,
  formatVnd,
  renderTemplate,
  templateVariables,
  validateTemplate,
  type SmsTemplateKind,
  type TemplateVariables,
} from './templates';

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('templateVariables', () => {
  it.each([
    ['no placeholders', []],
    ['{{code}}', ['code']],
    ['{{code}} {{ dueDate }} {{code}}', ['code', 'dueDate']],
    ['{{a}}{{b_2}}', ['a', 'b_2']],
    ['{code} {{}} {{a b}}', []],
  ])('%j → %j', (body, expected) => {
    expect(templateVariables(body)).toEqual(expected);
  });
});

describe('renderTemplate', () => {
  it.each([
    ['Hồ sơ {{code}} đã được tiếp nhận.', { code: 'X-1' }, 'Hồ sơ X-1 đã được tiếp nhận.'],
    ['{{ code }}/{{code}}', { code: 'A' }, 'A/A'],
    ['hiệu lực {{ttlMinutes}} phút', { ttlMinutes: 5 }, 'hiệu lực 5 phút'],
    ['{{a}} and extra ignored', { a: 'x', b: 'unused' }, 'x and extra ignored'],
    ['{{a}}', { a: '{{b}}', b: 'no' }, '{{b}}'],
    ['no variables', {}, 'no variables'],
  ])('%j with %j → %j', (body, vars, expected) => {
    expect(renderTemplate(body, vars as TemplateVariables)).toBe(expected);
  });

  it.each([
    ['missing', { code: 'A' }, ['variables.dueDate']],
    ['null', { code: 'A', dueDate: null }, ['variables.dueDate']],
    ['blank', { code: ' ', dueDate: '01/01/2026' }, ['variables.code']],
    ['NaN', { code: 'A', dueDate: Number.NaN }, ['variables.dueDate']],
    ['all missing', {}, ['variables.code', 'variables.dueDate']],
  ])('throws a validation DomainError when a value is %s', (_label, vars, fields) => {
    const error = catchError(() => renderTemplate('{{code}} – {{dueDate}}', vars as TemplateVariables));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(DomainErrorCode.ValidationFailed);
    expect((error as DomainError).fieldErrors.map((e) => e.field)).toEqual(fields);
  });

  it('does not take inherited properties for values', () => {
    expect(() => renderTemplate('{{toString}}', {})).toThrow(DomainError);
  });

  it('throws a validation DomainError on unbalanced braces', () => {
    const error = catchError(() => renderTemplate('Hồ sơ {{code} xong', { code: 'A' }));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors[0].field).toBe('body');
  });
});

describe('validateTemplate', () => {
  it.each([
    ['dossier_received', 'Hồ sơ {{code}} hẹn trả {{dueDate}}.'],
    ['dossier_received', 'Hồ sơ {{code}} ({{agencyName}}) hẹn trả {{dueDate}}.'],
    ['payment_requested', 'Nộp {{amount}} cho hồ sơ {{code}} tại {{payUrl}}'],
    ['result_ready', 'Hồ sơ {{code}} có kết quả tại {{place}}.'],
    ['dossier_moved', 'Hồ sơ {{ code }} chuyển đến {{agencyName}}.'],
  ])('%s: %j is valid', (kind, body) => {
    expect(validateTemplate(kind, body)).toEqual([]);
  });

  it.each([
    ['unknown variable', 'dossier_received', 'Hồ sơ {{code}} hẹn trả {{dueDate}} {{amount}}', /uses \{\{amount\}\}/],
    ['unknown variable on a strict kind', 'otp', 'Mã {{code}} trong {{ttlMinutes}} phút, {{agencyName}}', /uses \{\{agencyName\}\}/],
    ['missing required variable', 'dossier_received', 'Hồ sơ {{code}} đã được tiếp nhận.', /must contain \{\{dueDate\}\}/],
    ['missing code', 'otp', 'Mã hiệu lực {{ttlMinutes}} phút', /must contain \{\{code\}\}/],
    ['unbalanced: one closing brace missing', 'dossier_stopped', 'Hồ sơ {{code} dừng: {{reason}}', /unbalanced/],
    ['unbalanced: opening only', 'dossier_stopped', 'Hồ sơ {{code}} dừng: {{reason}} {{', /unbalanced/],
    ['unbalanced: stray closing', 'dossier_stopped', 'Hồ sơ {{code}} }} dừng: {{reason}}', /unbalanced/],
    ['single braces', 'dossier_stopped', 'Hồ sơ {code} {{code}} dừng: {{reason}}', /unbalanced/],
    ['empty placeholder', 'dossier_stopped', 'Hồ sơ {{code}} {{}} dừng: {{reason}}', /unbalanced/],
    ['empty body', 'otp', '  ', /must not be empty/],
  ])('%s is an error', (_label, kind, body, message) => {
    const errors = validateTemplate(kind, body);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('an unknown kind is an error on the kind field', () => {
    expect(validateTemplate('birthday', '{{code}}')).toEqual([{ field: 'kind', message: expect.stringContaining('otp') }]);
  });

  it('reports every problem at once', () => {
    expect(validateTemplate('dossier_received', '{{code} {{foo}}')).toHaveLength(4); // braces, foo, code (the malformed one does not count), dueDate
  });
});

describe('SMS_TEMPLATE_KINDS', () => {
  it.each([
    ['otp', ['code', 'ttlMinutes'], []],
    ['dossier_received', ['code', 'dueDate'], ['agencyName']],
    ['supplement_requested', ['code', 'reason'], ['agencyName']],
    ['payment_requested', ['code', 'amount'], ['payUrl']],
    ['dossier_refused', ['code', 'reason'], []],
    ['result_ready', ['code'], ['agencyName', 'place']],
    ['apology_new_date', ['code', 'newDueDate'], ['reason']],
    ['dossier_stopped', ['code', 'reason'], []],
    ['dossier_moved', ['code', 'agencyName'], []],
  ] as const)('%s requires %j and also allows %j', (kind, required, optional) => {
    const spec = SMS_TEMPLATE_KINDS[kind];
    expect(spec.required).toEqual(required);
    expect(spec.optional).toEqual(optional);
    expect(spec.allowed).toEqual([...required, ...optional]);
  });
});

describe('DEFAULT_SMS_TEMPLATES', () => {
  // Realistic values; dossier codes are 25 characters, 26 once the day's sequence passes 9999.
  const CODE_25 = '000.00.12.H26-261123-0001';
  const CODE_26 = '000.00.12.H26-261123-10001';
  const values: Record<SmsTemplateKind, TemplateVariables> = {
    otp: { code: '483920', ttlMinutes: 5 },
    dossier_received: { dueDate: '26/11/2026' },
    supplement_requested: { reason: 'Thiếu bản sao giấy chứng sinh có chứng thực' },
    payment_requested: { amount: formatVnd(1_250_000) },
    dossier_refused: { reason: 'Thủ tục không thuộc thẩm quyền của UBND phường' },
    result_ready: {},
    apology_new_date: { newDueDate: '03/12/2026' },
    dossier_stopped: { reason: 'Người nộp đề nghị dừng giải quyết hồ sơ' },
    dossier_moved: { agencyName: 'Ủy ban nhân dân phường Hoàn Kiếm' },
  };
  const kinds = Object.keys(SMS_TEMPLATE_KINDS) as SmsTemplateKind[];
  const cases: [SmsTemplateKind, string][] = kinds.flatMap((kind): [SmsTemplateKind, string][] =>
    kind === 'otp'
      ? [[kind, '483920']]
      : [
          [kind, CODE_25],
          [kind, CODE_26],
        ],
  );

  it('has a default for every kind', () => {
    expect(Object.keys(DEFAULT_SMS_TEMPLATES).sort()).toEqual([...kinds].sort());
  });

  it.each(kinds)('%s default passes validateTemplate and only uses required variables', (kind) => {
    const { body } = DEFAULT_SMS_TEMPLATES[kind];
    expect(validateTemplate(kind, body)).toEqual([]);
    expect([...templateVariables(body)].sort()).toEqual([...SMS_TEMPLATE_KINDS[kind].required].sort());
  });

  it.each(cases)('%s renders in 1 GSM-7 segment with code %s', (kind, code) => {
    const template = DEFAULT_SMS_TEMPLATES[kind];
    const rendered = renderTemplate(template.body, { ...values[kind], code });
    const sms = prepareSmsText(rendered, template);
    expect(template.keepDiacritics).toBe(false);
    expect(sms.encoding).toBe('GSM7');
    expect(sms.segments).toBe(1);
    expect(sms.text.length).toBeLessThanOrEqual(160);
  });

  it('dossier_received renders exactly the domain.md example', () => {
    const t = DEFAULT_SMS_TEMPLATES.dossier_received;
    expect(prepareSmsText(renderTemplate(t.body, { code: CODE_25, dueDate: '26/11/2026' }), t).text).toBe(
      'Ho so 000.00.12.H26-261123-0001 da duoc tiep nhan. Ngay hen tra: 26/11/2026.',
    );
  });

  it('otp renders as expected', () => {
    const t = DEFAULT_SMS_TEMPLATES.otp;
    expect(prepareSmsText(renderTemplate(t.body, { code: '483920', ttlMinutes: 5 }), t).text).toBe(
      'Ma xac thuc Cong DVC Ha Noi cua ban la 483920, hieu luc 5 phut. Khong chia se ma nay.',
    );
  });

  it('free-text reasons are what can push a notice past one segment (documented, not prevented)', () => {
    const t = DEFAULT_SMS_TEMPLATES.dossier_refused;
    const longReason = 'Hồ sơ không đủ điều kiện theo quy định tại Nghị định 118/2025/NĐ-CP, đề nghị liên hệ Bộ phận Một cửa để được hướng dẫn';
    expect(prepareSmsText(renderTemplate(t.body, { code: CODE_26, reason: longReason }), t).segments).toBe(2);
  });
});

describe('formatVnd', () => {
  it.each([
    [0, '0 đồng'],
    [500, '500 đồng'],
    [1000, '1.000 đồng'],
    [100_000, '100.000 đồng'],
    [1_250_000, '1.250.000 đồng'],
    [1_000_000_000, '1.000.000.000 đồng'],
    [99_999.6, '100.000 đồng'],
    [-50_000, '-50.000 đồng'],
  ])('%d → %s', (amount, expected) => {
    expect(formatVnd(amount)).toBe(expected);
  });

  it('throws on a non-finite amount', () => {
    expect(() => formatVnd(Number.NaN)).toThrow(RangeError);
    expect(() => formatVnd(Infinity)).toThrow(RangeError);
  });
});
