export * from './dossier-status';
export * from './dossier-actions';
export * from './transition-table';
export * from './decide-transition';
export * from './rule-set';
export * from './applicant-notices';
export * from './applicant-view';
export * from './list-cursor';
