import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule, HealthModule, HttpPlatformModule, type PlatformConfig } from '@kooperacja/platform';

/** Composition root of the HTTP API: platform modules plus every bounded context. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({
          databaseUrl: config.databaseUrl,
          appDatabaseUrl: config.databaseAppUrl,
          applicationName: 'kooperacja-api',
        }),
        HttpPlatformModule.forRoot(config),
        HealthModule,
      ],
    };
  }
}
