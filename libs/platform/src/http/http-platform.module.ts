import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Pool } from 'pg';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RolesGuard } from '../auth/roles.guard';
import { RouteCatalogue } from '../auth/route-catalogue';
import { TenantPathGuard } from '../auth/tenant-path.guard';
import { TokenThrottlerGuard } from '../auth/token-throttler.guard';
import type { PlatformConfig } from '../config/config';
import { PG_APP_POOL } from '../database/database.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { ApiExceptionFilter } from './api-exception.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { createValidationPipe } from './validation';

/**
 * Everything an HTTP process needs around its controllers: authentication on every route
 * (unless @Public), rate limit per token, tenant path check (404), role check (403), the
 * validation pipe, idempotent writes, one error shape; plus tenancy, `/api/v1/me`, the audit
 * trail and the operator's tenant endpoints. Guards run in that order. Needs DatabaseModule;
 * pair it with `configureHttpApp` for the Express-level parts.
 */
@Module({})
export class HttpPlatformModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    const limit = config.http.rateLimitPerMinute;
    return {
      module: HttpPlatformModule,
      imports: [
        DiscoveryModule,
        ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: Math.max(limit, 1) }] }),
        TenancyModule.forRoot({ exportDir: config.exportDir }),
        AuthModule.forRoot(config.auth),
        AuditModule,
      ],
      providers: [
        RouteCatalogue,
        { provide: IdempotencyStore, inject: [PG_APP_POOL], useFactory: (pool: Pool) => new IdempotencyStore(pool) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        ...(limit > 0 ? [{ provide: APP_GUARD, useClass: TokenThrottlerGuard }] : []),
        { provide: APP_GUARD, useClass: TenantPathGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [RouteCatalogue, AuthModule, TenancyModule],
    };
  }
}
