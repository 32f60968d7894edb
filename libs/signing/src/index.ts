export * from './document-signer';
export * from './key-material';
export * from './local-ca';
export * from './key-material-signer';
export * from './sign-pdf';
export * from './pdfsig';
