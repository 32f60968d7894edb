import { FieldError } from '../errors/domain-error';

/**
 * Province codes used in the first three digits of a 12-digit citizen ID (CCCD), as set by Circular
 * 07/2016/TT-BCA (amended by 59/2021/TT-BCA): the place of birth registration. 001 is Hà Nội.
 */
export const CCCD_PROVINCE_CODES: Record<string, string> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export type Gender = 'male' | 'female';

export interface CitizenIdParts {
  provinceCode: string;
  provinceName: string;
  gender: Gender;
  century: number;
  birthYear: number;
}

/**
 * The 4th digit encodes gender and century of birth: 0/1 male/female born 1900–1999, 2/3 born 2000–2099,
 * 4/5 2100s, 6/7 2200s, 8/9 2300s. The 5th–6th digits are the last two digits of the birth year.
 */
export function parseCitizenId(value: string): CitizenIdParts | null {
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) return null;
  const provinceCode = value.slice(0, 3);
  const provinceName = CCCD_PROVINCE_CODES[provinceCode];
  if (!provinceName) return null;
  const genderCentury = Number(value[3]);
  const century = 1900 + Math.floor(genderCentury / 2) * 100;
  return {
    provinceCode,
    provinceName,
    gender: genderCentury % 2 === 0 ? 'male' : 'female',
    century,
    birthYear: century + Number(value.slice(4, 6)),
  };
}

/**
 * Checks a CCCD's structure; with a known birth date (e.g. from the e-form), also that the century/gender digit
 * and the year digits agree with it. Returns field errors, empty when valid.
 */
export function validateCitizenId(value: unknown, opts: { field?: string; birthYear?: number; now?: Date } = {}): FieldError[] {
  const field = opts.field ?? 'idNumber';
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) {
    return [{ field, message: 'must be a 12-digit citizen ID number (CCCD)' }];
  }
  const parts = parseCitizenId(value);
  if (!parts) return [{ field, message: `starts with ${value.slice(0, 3)}, which is not a province code` }];
  const currentYear = (opts.now ?? new Date()).getUTCFullYear();
  if (parts.birthYear > currentYear) {
    return [{ field, message: `encodes birth year ${parts.birthYear}, which is in the future` }];
  }
  if (opts.birthYear !== undefined && opts.birthYear !== parts.birthYear) {
    return [{ field, message: `encodes birth year ${parts.birthYear} but the date of birth says ${opts.birthYear}` }];
  }
  return [];
}
