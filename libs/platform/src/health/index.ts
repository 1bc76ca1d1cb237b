export * from './health.module';
export * from './database.health';
export * from './readiness';
export * from './draining';
