export * from './service-index';
