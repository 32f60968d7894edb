export * from './portal-client';
