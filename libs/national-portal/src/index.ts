export * from './portal-client';
export * from './portal-sync-state.entity';
export * from './portal-sync.service';
export * from './national-portal.module';
