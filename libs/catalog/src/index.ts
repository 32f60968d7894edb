export * from './procedure.entity';
export * from './procedure-views';
export * from './upsert-procedures';
export * from './catalog.service';
export * from './catalog.module';
export { PROCEDURES } from './seed/procedures';
