import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { configureHttpApp, LoggingModule, type LoggingOptions, type PlatformConfig } from '@kooperacja/platform';
import { AppModule } from './app.module';
import { serveDashboard } from './dashboard/serve-dashboard';

export interface CreateAppOptions {
  /** Register SIGTERM/SIGINT handlers that drain requests and close the pools (default true). */
  readonly shutdownHooks?: boolean;
  readonly logging?: LoggingOptions;
}

@Module({})
class ApiRootModule {
  static forRoot(config: PlatformConfig, logging: LoggingOptions = {}): DynamicModule {
    return { module: ApiRootModule, imports: [LoggingModule.forRoot(logging), AppModule.forRoot(config)] };
  }
}

/** Builds the API application (used by main.ts and by e2e tests). */
export async function createApp(
  config: PlatformConfig,
  { shutdownHooks = true, logging }: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiRootModule.forRoot(config, logging), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  configureHttpApp(app, config.http);
  serveDashboard(app, config);
  if (shutdownHooks) app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kooperacja API')
      .setDescription(
        'Event-sourced record and comparison of the cooperation models of macroregions I–III. ' +
          'Every route but /health and the docs needs a bearer token; `x-roles` lists who may call an operation.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
