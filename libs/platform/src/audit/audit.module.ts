import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The tenant admin's audit trail, read from the event store's metadata. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
