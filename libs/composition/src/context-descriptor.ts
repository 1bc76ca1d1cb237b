import type { DynamicModule, Type } from '@nestjs/common';
import type { EntityClass, MigrationClass, Projection } from '@kooperacja/platform';

/** What a bounded context contributes to the apps. One file per context in ./contexts. */
export interface ContextDescriptor {
  readonly name: string;
  /** Nest modules with the context's HTTP controllers and providers (API). */
  readonly modules: ReadonlyArray<Type<unknown> | DynamicModule>;
  /** Read-model projections (projector, CLI rebuilds). */
  readonly projections: readonly Projection[];
  /** TypeORM entities over the reader views (API's read-model data source). */
  readonly entities: readonly EntityClass[];
  /** Migrations of tables the context owns outside projections, if any. */
  readonly migrations: readonly MigrationClass[];
}
