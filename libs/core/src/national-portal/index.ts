export * from './portal-payloads';
