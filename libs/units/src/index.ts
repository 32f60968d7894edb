export * from './unit.entity';
export * from './agency.entity';
export * from './import-units';
export * from './units-csv';
export * from './minimal-hierarchy';
export * from './units.service';
export * from './units.module';
