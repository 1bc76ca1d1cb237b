export * from './http-platform.module';
export * from './configure-http-app';
export * from './error-body';
export * from './validation';
export * from './api-exception.filter';
export * from './idempotency/idempotency.interceptor';
export * from './idempotency/idempotency.store';
export * from './idempotency/request-hash';
