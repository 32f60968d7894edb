import { DomainError, type FieldError } from '../errors/domain-error';

/** Every kind of SMS the switchboard sends: the applicant notices, OTP, and the reorganisation notice. */
export type SmsTemplateKind =
  | 'otp'
  | 'dossier_received'
  | 'supplement_requested'
  | 'payment_requested'
  | 'dossier_refused'
  | 'result_ready'
  | 'apology_new_date'
  | 'dossier_stopped'
  | 'dossier_moved';

export interface SmsTemplateKindSpec {
  /** Must appear in every template of the kind; the sender always supplies them. */
  required: readonly string[];
  /** May appear; the sender supplies them when the template uses them. */
  optional: readonly string[];
  /** required ∪ optional: anything else in a template is an error. */
  allowed: readonly string[];
}

function spec(required: string[], optional: string[] = []): SmsTemplateKindSpec {
  return Object.freeze({
    required: Object.freeze([...required]),
    optional: Object.freeze([...optional]),
    allowed: Object.freeze([...required, ...optional]),
  });
}

export const SMS_TEMPLATE_KINDS: Readonly<Record<SmsTemplateKind, SmsTemplateKindSpec>> = Object.freeze({
  otp: spec(['code', 'ttlMinutes']),
  dossier_received: spec(['code', 'dueDate'], ['agencyName']),
  supplement_requested: spec(['code', 'reason'], ['agencyName']),
  payment_requested: spec(['code', 'amount'], ['payUrl']),
  dossier_refused: spec(['code', 'reason']),
  result_ready: spec(['code'], ['agencyName', 'place']),
  apology_new_date: spec(['code', 'newDueDate'], ['reason']),
  dossier_stopped: spec(['code', 'reason']),
  /** Administrative reorganisation: the dossier now belongs to another agency. */
  dossier_moved: spec(['code', 'agencyName']),
});

export function isSmsTemplateKind(kind: string): kind is SmsTemplateKind {
  return Object.prototype.hasOwnProperty.call(SMS_TEMPLATE_KINDS, kind);
}

export interface SmsTemplate {
  body: string;
  /** false (the default for brandname SMS): diacritics are stripped at send time so the text stays GSM-7. */
  keepDiacritics: boolean;
}

/**
 * The city's default wording. Written with diacritics; sent without (keepDiacritics false), each renders in
 * one GSM-7 segment with realistic values (a 25–26 character dossier code, a short reason). Free-text
 * variables (reason, agencyName) can push a message to two segments when they are long.
 * Defaults only use required variables, so they always render with what the sender must supply.
 */
export const DEFAULT_SMS_TEMPLATES: Readonly<Record<SmsTemplateKind, SmsTemplate>> = Object.freeze({
  otp: {
    body: 'Mã xác thực Cổng DVC Hà Nội của bạn là {{code}}, hiệu lực {{ttlMinutes}} phút. Không chia sẻ mã này.',
    keepDiacritics: false,
  },
  dossier_received: {
    body: 'Hồ sơ {{code}} đã được tiếp nhận. Ngày hẹn trả: {{dueDate}}.',
    keepDiacritics: false,
  },
  supplement_requested: {
    body: 'Hồ sơ {{code}} cần bổ sung: {{reason}}. Vui lòng bổ sung trực tuyến hoặc tại Bộ phận Một cửa.',
    keepDiacritics: false,
  },
  payment_requested: {
    body: 'Hồ sơ {{code}} cần nộp phí, lệ phí {{amount}}. Vui lòng thanh toán trực tuyến hoặc tại Bộ phận Một cửa.',
    keepDiacritics: false,
  },
  dossier_refused: {
    body: 'Hồ sơ {{code}} không được giải quyết. Lý do: {{reason}}. Chi tiết xem tại Cổng DVC Hà Nội.',
    keepDiacritics: false,
  },
  result_ready: {
    body: 'Hồ sơ {{code}} đã có kết quả. Mời ông/bà nhận kết quả tại Bộ phận Một cửa hoặc theo hình thức đã đăng ký.',
    keepDiacritics: false,
  },
  apology_new_date: {
    body: 'Xin lỗi ông/bà: hồ sơ {{code}} chưa có kết quả đúng hẹn. Ngày hẹn trả mới: {{newDueDate}}.',
    keepDiacritics: false,
  },
  dossier_stopped: {
    body: 'Hồ sơ {{code}} đã dừng xử lý. Lý do: {{reason}}. Chi tiết xem tại Cổng DVC Hà Nội.',
    keepDiacritics: false,
  },
  dossier_moved: {
    body: 'Do sắp xếp đơn vị hành chính, hồ sơ {{code}} được chuyển đến {{agencyName}} tiếp tục giải quyết.',
    keepDiacritics: false,
  },
} satisfies Record<SmsTemplateKind, SmsTemplate>);

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PLACEHOLDER = new RegExp(`\\{\\{\\s*(${NAME})\\s*\\}\\}`, 'g');

/** Placeholders of a template, each name once, in order of first appearance. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/** Positions of "{" or "}" that are not part of a well-formed `{{name}}` placeholder. */
function strayBraces(body: string): number[] {
  const blanked = body.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const positions: number[] = [];
  for (let i = 0; i < blanked.length; i++) {
    if (blanked[i] === '{' || blanked[i] === '}') positions.push(i);
  }
  return positions;
}

function braceError(positions: number[]): FieldError {
  return {
    field: 'body',
    message: `has unbalanced or malformed braces at position ${positions.join(', ')} (placeholders look like {{name}})`,
  };
}

/**
 * Checks a template an administrator wrote for a kind: well-formed placeholders only, no variable the kind
 * does not provide, every required variable present. Returns [] when the template is fine.
 */
export function validateTemplate(kind: string, body: string): FieldError[] {
  if (!isSmsTemplateKind(kind)) {
    return [{ field: 'kind', message: `must be one of ${Object.keys(SMS_TEMPLATE_KINDS).join(', ')}` }];
  }
  if (typeof body !== 'string' || body.trim() === '') return [{ field: 'body', message: 'must not be empty' }];
  const errors: FieldError[] = [];
  const stray = strayBraces(body);
  if (stray.length > 0) errors.push(braceError(stray));
  const { allowed, required } = SMS_TEMPLATE_KINDS[kind];
  const used = templateVariables(body);
  for (const name of used) {
    if (!allowed.includes(name)) {
      errors.push({ field: 'body', message: `uses {{${name}}}, which ${kind} does not provide (allowed: ${allowed.join(', ')})` });
    }
  }
  for (const name of required) {
    if (!used.includes(name)) errors.push({ field: 'body', message: `must contain {{${name}}}` });
  }
  return errors;
}

export type TemplateVariables = Readonly<Record<string, string | number | null | undefined>>;

function present(value: string | number | null | undefined): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Fills every `{{name}}` with its value (numbers via String; format money with `formatVnd` first). Throws a
 * validation DomainError naming each placeholder without a value (missing, null, blank or non-finite), or
 * when the body has malformed braces. Values are inserted once: braces inside a value are never expanded.
 */
export function renderTemplate(body: string, vars: TemplateVariables): string {
  const stray = strayBraces(body);
  if (stray.length > 0) throw DomainError.validation([braceError(stray)], 'The SMS template is malformed.');
  const missing = templateVariables(body).filter((name) => !present(Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined));
  if (missing.length > 0) {
    throw DomainError.validation(
      missing.map((name) => ({ field: `variables.${name}`, message: 'is required by the SMS template' })),
      'The SMS template needs values that were not given.',
    );
  }
  return body.replace(PLACEHOLDER, (_m, name: string) => String(vars[name]));
}

/** An amount in đồng as written in notices: 100000 → "100.000 đồng" (dot thousands separator, rounded). */
export function formatVnd(amount: number): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw new RangeError(`Invalid amount: ${String(amount)}`);
  const rounded = Math.round(Math.abs(amount));
  const digits = String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 && rounded !== 0 ? '-' : ''}${digits} đồng`;
}
