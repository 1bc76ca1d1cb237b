/** DI token of the {@link TenantDirectory} (inject it in handlers that need tenant facts). */
export const TENANT_DIRECTORY = Symbol('TENANT_DIRECTORY');
export const TENANCY_OPTIONS = Symbol('TENANCY_OPTIONS');

export interface TenancyOptions {
  /** Where offboarding writes its JSON Lines exports. */
  readonly exportDir: string;
}
