export * from './metrics';
export * from './http-metrics.middleware';
export * from './observed-projections';
export * from './operations.module';
export * from './operations.controller';
