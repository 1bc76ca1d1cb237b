import type { EntityClass } from '@kooperacja/platform';
import { contexts } from './contexts';

/** TypeORM entities of every read model (mapped onto the reader views), for the API's data source. */
export function allReadModelEntities(): EntityClass[] {
  return contexts.flatMap((c) => c.entities);
}

/** Nest modules of every bounded context, for the API. */
export function allContextModules() {
  return contexts.flatMap((c) => c.modules);
}
