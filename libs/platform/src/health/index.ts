export * from './health.module';
export * from './database.health';
