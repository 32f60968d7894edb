export * from './gsm7';
export * from './segments';
export * from './sms-text';
export * from './templates';
export * from './carriers';
export * from './quiet-hours';
export * from './sms-retry';
export * from './otp-masking';
