import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

/**
 * An ISO 8601 time that JavaScript's Date reads as the same instant, in years 1900–9999. class-validator alone lets
 * through forms Date cannot parse (`20261101`, `2026-W48-3`) and impossible days, which then reached the database
 * as "Invalid Date".
 */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !isISO8601(value, { strict: true, strictSeparator: true })) return false;
          const ms = Date.parse(value);
          return Number.isFinite(ms) && yearOf(ms) >= 1900 && yearOf(ms) <= 9999;
        },
        defaultMessage: () => 'must be an ISO 8601 time',
      },
    },
    options,
  );
}

/** A real calendar day written YYYY-MM-DD, in years 1900–2100. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isISO8601(value, { strict: true })) return false;
          const year = Number(value.slice(0, 4));
          return year >= 1900 && year <= 2100;
        },
        defaultMessage: () => 'must be a date YYYY-MM-DD',
      },
    },
    options,
  );
}
