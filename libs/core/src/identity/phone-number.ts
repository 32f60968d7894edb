import { DomainError } from '../errors/domain-error';

export type Carrier = 'viettel' | 'vinaphone' | 'mobifone' | 'vietnamobile' | 'gmobile' | 'itelecom' | 'reddi';

/**
 * Mobile prefixes after the 2018 conversion to 10 digits (the three digits after the leading 0).
 * Source: MIC Decision 798/QĐ-BTTTT and carrier announcements.
 */
const CARRIER_PREFIXES: Record<Carrier, string[]> = {
  viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
  vinaphone: ['081', '082', '083', '084', '085', '088', '091', '094'],
  mobifone: ['070', '076', '077', '078', '079', '089', '090', '093'],
  vietnamobile: ['052', '056', '058', '092'],
  gmobile: ['059', '099'],
  itelecom: ['087'],
  reddi: ['055'],
};

const PREFIX_TO_CARRIER = new Map<string, Carrier>(
  Object.entries(CARRIER_PREFIXES).flatMap(([carrier, prefixes]) => prefixes.map((p) => [p, carrier as Carrier])),
);

/**
 * A Vietnamese mobile number, normalised to the international form without "+": `84` followed by 9 digits.
 * Accepts `0912345678`, `84912345678`, `+84 912 345 678`, `(+84) 912-345-678`.
 */
export class PhoneNumber {
  private constructor(
    /** e.g. "84912345678" */
    readonly value: string,
    readonly carrier: Carrier,
  ) {}

  static parse(input: string): PhoneNumber | null {
    if (typeof input !== 'string' || input.length > 32) return null;
    const compact = input.replace(/[\s.\-()]/g, '');
    let national: string;
    if (/^\+?84\d{9}$/.test(compact)) national = '0' + compact.replace(/^\+?84/, '');
    else if (/^0\d{9}$/.test(compact)) national = compact;
    else return null;
    const carrier = PREFIX_TO_CARRIER.get(national.slice(0, 3));
    if (!carrier) return null;
    return new PhoneNumber('84' + national.slice(1), carrier);
  }

  static require(input: string, field = 'phone'): PhoneNumber {
    const phone = PhoneNumber.parse(input);
    if (!phone) {
      throw DomainError.validation([{ field, message: 'must be a Vietnamese mobile number (10 digits starting 03, 05, 07, 08 or 09, or 84…)' }]);
    }
    return phone;
  }

  /** The domestic form people read: 0912345678. */
  get national(): string {
    return '0' + this.value.slice(2);
  }

  get lastFour(): string {
    return this.value.slice(-4);
  }

  /** For logs and screens: 8491****678. */
  get masked(): string {
    return this.value.slice(0, 4) + '****' + this.value.slice(-3);
  }
}
