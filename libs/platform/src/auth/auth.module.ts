import { Module, type DynamicModule } from '@nestjs/common';
import type { AuthConfig } from '../config/config';
import type { TenantDirectory } from '../domain/tenant-directory';
import { TENANT_DIRECTORY } from '../tenancy/tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { createJwtStrategy } from './jwt.strategy';
import { MeController } from './me.controller';
import { RolesGuard } from './roles.guard';
import { TenantPathGuard } from './tenant-path.guard';
import { AUTH_CONFIG, JWT_STRATEGY } from './tokens';

/**
 * Token verification (passport-jwt), the guards and `GET /api/v1/me`. Needs the tenant
 * directory (TenancyModule). HttpPlatformModule registers the guards globally.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      controllers: [MeController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        {
          provide: JWT_STRATEGY,
          inject: [TENANT_DIRECTORY],
          useFactory: (directory: TenantDirectory) => createJwtStrategy(config, directory),
        },
        JwtAuthGuard,
        TenantPathGuard,
        RolesGuard,
      ],
      exports: [AUTH_CONFIG, JWT_STRATEGY, JwtAuthGuard, TenantPathGuard, RolesGuard],
    };
  }
}
