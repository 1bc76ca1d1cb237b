export * from './metrics';
export * from './http-metrics.interceptor';
export * from './operations.module';
export * from './operations.controller';
