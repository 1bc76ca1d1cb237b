import { applyDecorators, createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import type { Response } from 'express';
import { ValidationFailedException, type PlatformRequest } from '@kooperacja/platform';
import { decisionStatuses, type DecisionStatus } from '../contracts/read-model';
import { isUuid } from '../decision/input';
import type { DecisionCommandOptions, DecisionCommandResult } from './run-decision-command';

/** Every decisions route lives under the caller's own tenant. */
export const DECISIONS_PATH = 'api/v1/tenants/:tenantId/decisions';

export const WRITERS = ['tenant-admin', 'tenant-editor'] as const;
export const READERS = ['tenant-admin', 'tenant-editor', 'tenant-viewer'] as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day written `YYYY-MM-DD` (2019-02-30 is not one). */
export function isCalendarDay(value: unknown): value is string {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => isCalendarDay(value),
        defaultMessage: (args) => `${args?.property} must be a calendar date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** Optional, but not nullable: `null` is validated (and refused) like any other wrong value. */
export const IfPresent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** A UUID path parameter; 400 naming the parameter otherwise. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!isUuid(value))
      throw new ValidationFailedException([{ field: this.name, reason: `${this.name} must be a UUID` }]);
    return value.toLowerCase();
  }
}

/** `If-Match: "<revision>"` (the ETag of a read) or `?expectedRevision=<n>`; 400 when malformed. */
export function expectedRevisionOf(req: Pick<PlatformRequest, 'headers' | 'query'>): number | undefined {
  const header = req.headers['if-match'];
  const query = req.query?.expectedRevision;
  if (header !== undefined) {
    const m = typeof header === 'string' ? /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(header.trim()) : null;
    if (!m) throw revisionError('If-Match', 'If-Match must be the ETag of the record, e.g. "3"');
    return Number(m[1]);
  }
  if (query !== undefined) {
    if (typeof query !== 'string' || !/^(-1|\d{1,15})$/.test(query)) {
      throw revisionError('expectedRevision', 'expectedRevision must be a whole number, -1 or more');
    }
    return Number(query);
  }
  return undefined;
}

function revisionError(field: string, reason: string) {
  return new ValidationFailedException([{ field, reason }]);
}

/**
 * The handler options of a write: a tenant editor is limited to the voivodeships of its token
 * (never of the body); the expected revision comes from `If-Match` or `expectedRevision`.
 */
export const DecisionWriteOptions = createParamDecorator(
  (_: unknown, host: ExecutionContext): DecisionCommandOptions => {
    const req = host.switchToHttp().getRequest<PlatformRequest>();
    const expectedRevision = expectedRevisionOf(req);
    return {
      ...(req.context?.actor.role === 'tenant-editor' ? { allowedVoivodeships: req.context.voivodeships ?? [] } : {}),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    };
  },
);

/** 201 for a new fact, 200 when the command had been applied before; the ETag is the new revision. */
export function sendResult(res: Response, result: DecisionCommandResult): DecisionCommandResult {
  res.status(result.alreadyApplied ? 200 : 201);
  res.setHeader('ETag', `"${result.revision}"`);
  return result;
}

/** What every decisions write answers (OpenAPI). */
export class DecisionCommandResponse {
  @ApiProperty({ description: 'The decision', format: 'uuid' })
  decisionId!: string;

  @ApiProperty({ description: 'The deciding body (a group)', format: 'uuid' })
  groupId!: string;

  @ApiProperty({ description: 'The event stream of the decision', example: 'decisions.decision-5e0f…' })
  streamId!: string;

  @ApiProperty({ description: 'Revision of the stream after the command; send it back as If-Match', example: 1 })
  revision!: number;

  @ApiProperty({ description: 'Ids of the events appended by the command', type: [String] })
  eventIds!: string[];

  @ApiProperty({ description: 'Status of the decision after the command', enum: decisionStatuses })
  status!: DecisionStatus;

  @ApiProperty({ description: 'True when this command (Idempotency-Key) had been applied before: nothing new' })
  alreadyApplied!: boolean;
}

/** Every write has its business date in the body. */
export class OccurredAtField {
  @ApiProperty({
    description: 'Business date of the fact (when the body did it, not when it is recorded), YYYY-MM-DD',
    example: '2019-03-14',
  })
  @IsCalendarDay()
  occurredAt!: string;
}

/** OpenAPI of a decisions write: who may call it, its headers, and what it answers. */
export function DecisionWrite(summary: string, description: string) {
  return applyDecorators(
    ApiTags('decisions'),
    ApiOperation({ summary, description }),
    ApiParam({ name: 'tenantId', description: "The caller's own tenant (404 for any other)", example: 'mr2' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key and body get the first response again and append nothing',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag (revision) the caller last read: 409 with currentRevision if the record changed since',
    }),
    ApiQuery({
      name: 'expectedRevision',
      required: false,
      type: Number,
      description: 'Alternative to If-Match: the revision the caller last read',
    }),
    ApiCreatedResponse({ type: DecisionCommandResponse, description: 'Recorded; ETag is the new revision' }),
    ApiOkResponse({ type: DecisionCommandResponse, description: 'Already recorded by this command before' }),
    ApiBadRequestResponse({ description: 'Invalid input: `errors` names each field and the reason' }),
    ApiForbiddenResponse({ description: 'Role not allowed, or a body outside the editor’s voivodeships' }),
    ApiNotFoundResponse({ description: 'No such decision, or no such body, in this tenant' }),
    ApiConflictResponse({ description: 'The record forbids it (`code` says why), or the revision changed' }),
  );
}

/** OpenAPI of a decisions read. */
export function DecisionRead(summary: string, description: string) {
  return applyDecorators(
    ApiTags('decisions'),
    ApiOperation({ summary, description }),
    ApiParam({ name: 'tenantId', description: "The caller's own tenant (404 for any other)", example: 'mr2' }),
  );
}
