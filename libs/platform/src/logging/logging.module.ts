import { Injectable, Module, type DynamicModule, type NestInterceptor } from '@nestjs/common';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { DestinationStream, Level } from 'pino';
import type { Options as HttpLogOptions } from 'pino-http';
import type { Observable } from 'rxjs';
import type { PlatformRequest } from '../auth/request-context';
import { REDACTED_PATHS, requestLogFields, serializeRequest, serializeResponse } from './log-fields';

export interface LoggingOptions {
  /** Default: `LOG_LEVEL`, else `warn` under Jest (`NODE_ENV=test`), else `info`. */
  readonly level?: Level | 'silent';
  /** Where the JSON lines go (default: stdout). Tests pass a stream to read them. */
  readonly stream?: DestinationStream;
}

export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): Level | 'silent' {
  return (env.LOG_LEVEL as Level | undefined) || (env.NODE_ENV === 'test' ? 'warn' : 'info');
}

function httpLogOptions(level: Level | 'silent'): HttpLogOptions {
  return {
    level,
    base: { service: 'kooperacja-api' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    genReqId: (req) => (req as PlatformRequest).requestId,
    customProps: (req, res) => requestLogFields(req as PlatformRequest, res),
    serializers: { req: serializeRequest, res: serializeResponse },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
  };
}

/**
 * Once the guards have identified the caller, every further line of the request carries its
 * tenant and actor (the request and correlation ids are bound from the first line on).
 */
@Injectable()
export class CallerLogFieldsInterceptor implements NestInterceptor {
  constructor(private readonly logger: PinoLogger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const ctx = context.switchToHttp().getRequest<PlatformRequest>().context;
      if (ctx) this.logger.assign({ tenant: ctx.tenantId ?? null, actor: ctx.actor.sub, role: ctx.actor.role });
    }
    return next.handle();
  }
}

/**
 * Structured JSON logs (pino): one line per request with request id, correlation id, tenant,
 * actor, route and latency; `Authorization`, cookies and bodies never logged. Use with
 * `app.useLogger(app.get(Logger))` so Nest's own `Logger` writes through it too.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions = {}): DynamicModule {
    const level = options.level ?? logLevelFrom();
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: options.stream ? [httpLogOptions(level), options.stream] : httpLogOptions(level),
        }),
      ],
      providers: [{ provide: APP_INTERCEPTOR, useClass: CallerLogFieldsInterceptor }],
    };
  }
}
