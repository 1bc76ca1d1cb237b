import type { EntityClass } from '@kooperacja/platform';

/** TypeORM entities of every read model (mapped onto the reader views), for the API's data source. */
export function allReadModelEntities(): EntityClass[] {
  return [];
}
