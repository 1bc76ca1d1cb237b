import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { configureHttpApp, type PlatformConfig } from '@kooperacja/platform';
import { AppModule } from './app.module';

/** Builds the API application (used by main.ts and by e2e tests). */
export async function createApp(
  config: PlatformConfig,
  { shutdownHooks = true }: { shutdownHooks?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureHttpApp(app, config.http);
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
