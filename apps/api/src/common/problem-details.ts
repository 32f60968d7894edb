import { DomainErrorCode, type FieldError } from '@dvc/core';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  [DomainErrorCode.ValidationFailed]: 422,
  [DomainErrorCode.Malformed]: 400,
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.Unauthenticated]: 401,
  [DomainErrorCode.Forbidden]: 403,
  [DomainErrorCode.Conflict]: 409,
  [DomainErrorCode.TransitionNotAllowed]: 409,
  [DomainErrorCode.VersionConflict]: 409,
  [DomainErrorCode.RateLimited]: 429,
  [DomainErrorCode.Locked]: 429,
  [DomainErrorCode.PayloadTooLarge]: 413,
  [DomainErrorCode.UnsupportedMediaType]: 415,
  [DomainErrorCode.Unavailable]: 503,
  [DomainErrorCode.SignInMethodDisabled]: 403,
  [DomainErrorCode.VneidSignInRefused]: 401,
  [DomainErrorCode.AssuranceTooLow]: 403,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, slug: string, detail: string, errors?: FieldError[]): ProblemDetails {
  return {
    type: `https://dvc.hanoi.gov.vn/problems/${slug}`,
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export const slugOf = (code: string) => code.replace(/_/g, '-');
