/**
 * Small builders for the e-form JSON Schemas of the seed procedures (draft 2020-12 subset, Ajv strict mode).
 * Every builder returns a fresh object, so one schema never shares mutable nodes with another.
 */

type Schema = Record<string, unknown>;

/** Non-empty text with an optional max length. */
export const text = (title: string, maxLength = 255, extra: Schema = {}): Schema => ({
  type: 'string',
  title,
  minLength: 1,
  maxLength,
  ...extra,
});

export const date = (title: string): Schema => ({ type: 'string', format: 'date', title });

export const int = (title: string, minimum: number, maximum?: number): Schema => ({
  type: 'integer',
  title,
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});

export const positiveNumber = (title: string): Schema => ({ type: 'number', title, exclusiveMinimum: 0 });

export const bool = (title: string): Schema => ({ type: 'boolean', title });

export const oneOfText = (title: string, values: string[]): Schema => ({ type: 'string', title, enum: values });

/** 12-digit personal identification number (số định danh cá nhân / CCCD). */
export const personalId = (title = 'Số định danh cá nhân (CCCD)'): Schema => ({
  type: 'string',
  title,
  pattern: '^[0-9]{12}$',
});

/** Vietnamese mobile number, 10 digits starting 03/05/07/08/09 (or the 84 form). */
export const mobile = (title = 'Số điện thoại di động'): Schema => ({
  type: 'string',
  title,
  pattern: '^(0|84)(3|5|7|8|9)[0-9]{8}$',
});

export const email = (title = 'Thư điện tử'): Schema => ({ type: 'string', format: 'email', title, maxLength: 254 });

/** 10-digit enterprise / tax code, optionally with a 3-digit branch suffix. */
export const enterpriseCode = (title = 'Mã số doanh nghiệp'): Schema => ({
  type: 'string',
  title,
  pattern: '^[0-9]{10}(-[0-9]{3})?$',
});

export const gender = (title = 'Giới tính'): Schema => oneOfText(title, ['Nam', 'Nữ']);

export const object = (title: string, properties: Record<string, Schema>, required: string[]): Schema => ({
  type: 'object',
  title,
  properties,
  required,
  additionalProperties: false,
});

/** The root of an e-form; `extra` carries root-level combinators such as `anyOf`. */
export const form = (title: string, properties: Record<string, Schema>, required: string[], extra: Schema = {}): Schema => ({
  ...object(title, properties, required),
  ...extra,
});

/** The applicant (người yêu cầu / người nộp hồ sơ) block most forms start with. */
export const applicant = (title = 'Người yêu cầu'): Schema =>
  object(
    title,
    {
      hoTen: text('Họ, chữ đệm và tên', 100),
      soDinhDanh: personalId(),
      soDienThoai: mobile(),
      email: email(),
      noiCuTru: text('Nơi cư trú', 300),
    },
    ['hoTen', 'soDinhDanh', 'soDienThoai', 'noiCuTru'],
  );

/** A land parcel as written on the cadastral map. */
export const landParcel = (title = 'Thông tin thửa đất'): Schema =>
  object(
    title,
    {
      soThua: int('Thửa đất số', 1),
      soToBanDo: int('Tờ bản đồ số', 1),
      dienTich: positiveNumber('Diện tích (m²)'),
      diaChi: text('Địa chỉ thửa đất', 300),
    },
    ['soThua', 'soToBanDo', 'dienTich', 'diaChi'],
  );

/** Business lines by the 4-digit VSIC 2018 code (Quyết định 27/2018/QĐ-TTg). */
export const businessLines = (title = 'Ngành, nghề kinh doanh'): Schema => ({
  type: 'array',
  title,
  minItems: 1,
  items: object(
    'Ngành, nghề',
    {
      maNganh: { type: 'string', title: 'Mã ngành cấp 4 (VSIC)', pattern: '^[0-9]{4}$' },
      tenNganh: text('Tên ngành', 500),
      laNganhChinh: bool('Là ngành, nghề kinh doanh chính'),
    },
    ['maNganh', 'tenNganh'],
  ),
});
