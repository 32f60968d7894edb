export * from './merge-plan';
