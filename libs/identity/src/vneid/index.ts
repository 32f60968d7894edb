export * from './vneid-client';
export * from './vneid-login-store';
export * from './vneid-sign-in.service';
