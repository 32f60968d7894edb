export * from './base32';
export * from './totp';
export * from './password-policy';
export * from './login-lockout';
export * from './officer-administration';
export * from './sign-in-steps';
