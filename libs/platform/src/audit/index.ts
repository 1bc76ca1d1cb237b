export * from './audit.module';
export type { AuditEntry } from './audit.controller';
