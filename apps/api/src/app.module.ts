import { Module, type DynamicModule } from '@nestjs/common';
import {
  allContextModules,
  allIntegrationEventMappers,
  allProjections,
  allReadModelEntities,
} from '@kooperacja/composition';
import {
  DatabaseModule,
  HealthModule,
  HttpPlatformModule,
  OperationsModule,
  ReadModelsModule,
  type PlatformConfig,
} from '@kooperacja/platform';
import { IntegrationEventRegistry } from '@kooperacja/platform/messaging';

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
        HealthModule.forRoot({ kafkaBrokers: config.kafkaBrokers }),
        OperationsModule.forRoot(allProjections(), {
          // The projector relays when brokers are configured: report its lag and backlog too.
          relayedTypes: config.kafkaBrokers.length
            ? new IntegrationEventRegistry(allIntegrationEventMappers()).storedTypes()
            : [],
        }),
        ...allContextModules(),
      ],
    };
  }
}
