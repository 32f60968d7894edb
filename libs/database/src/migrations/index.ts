import { InitialSchema1795610294100 } from './1795610294100-InitialSchema';
import { SearchIndexes1795610294200 } from './1795610294200-SearchIndexes';

/** In order. Listed explicitly (no glob) so bundled apps and the CLI run exactly the same set. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [InitialSchema1795610294100, SearchIndexes1795610294200];
