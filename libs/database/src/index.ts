export * from './snake-naming.strategy';
export * from './data-source-options';
export { MIGRATIONS } from './migrations';
export * from './ensure-database';
export * from './typeorm-logger';
export * from './insert-sql';
export * from './entity-from-row';
export * from './prepared-query';
export { backfillApplicantText } from './migrations/1795640100000-ApplicantText';
