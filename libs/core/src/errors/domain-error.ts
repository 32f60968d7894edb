/**
 * Every rule violation the domain can report. The HTTP layer maps each code to a status once, in one place;
 * the domain never thinks in HTTP.
 */
export enum DomainErrorCode {
  ValidationFailed = 'validation_failed',
  /** A body or file that cannot be read at all (not JSON, not UTF-8): 400, where a readable but invalid one is 422. */
  Malformed = 'malformed',
  NotFound = 'not_found',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  TransitionNotAllowed = 'transition_not_allowed',
  VersionConflict = 'version_conflict',
  RateLimited = 'rate_limited',
  Locked = 'locked',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  Unavailable = 'unavailable',
  /** A sign-in path this deployment has switched off (CITIZEN_OTP_ENABLED=false). */
  SignInMethodDisabled = 'sign_in_method_disabled',
  /** A VNeID sign-in that failed a check (state, code, id_token): no session. */
  VneidSignInRefused = 'vneid_sign_in_refused',
  /** The citizen's identity is not assured enough for the procedure (e.g. level 2 needed). */
  AssuranceTooLow = 'assurance_too_low',
}

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Seconds after which a retry may succeed (rate limits, lockouts). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[], message = 'The request failed validation.'): DomainError {
    return new DomainError(DomainErrorCode.ValidationFailed, message, errors);
  }

  static notFound(what: string): DomainError {
    return new DomainError(DomainErrorCode.NotFound, `${what} was not found.`);
  }
}
