import { Module, type DynamicModule } from '@nestjs/common';
import { allContextModules, allProjections, allReadModelEntities } from '@kooperacja/composition';
import {
  DatabaseModule,
  HealthModule,
  HttpPlatformModule,
  OperationsModule,
  ReadModelsModule,
  type PlatformConfig,
} from '@kooperacja/platform';

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
        ReadModelsModule.forRoot({ url: config.databaseAppUrl, entities: allReadModelEntities() }),
        HttpPlatformModule.forRoot(config),
        HealthModule,
        OperationsModule.forRoot(allProjections()),
        ...allContextModules(),
      ],
    };
  }
}
