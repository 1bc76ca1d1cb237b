export * from './tokens';
export * from './tenancy.module';
export * from './tenant-directory.postgres';
export * from './tenant-data-eraser';
export * from './tenant-lifecycle';
export * from './row-level-security';
export * from './voivodeships';
