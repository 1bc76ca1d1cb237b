export * from './database.module';
export * from './migrate';
export * from './pool';
export { platformMigrations } from './migrations';
export * from './embedded-postgres';
export * from './app-role';
