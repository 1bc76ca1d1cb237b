import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
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
import type { Response } from 'express';
import { IsCalendarDay, writeOptionsOf, type PlatformRequest } from '@kooperacja/platform';
import { decisionStatuses, type DecisionStatus } from '../contracts/read-model';
import type { DecisionCommandOptions, DecisionCommandResult } from './run-decision-command';

/** Every decisions route lives under the caller's own tenant. */
export const DECISIONS_PATH = 'api/v1/tenants/:tenantId/decisions';

export const WRITERS = ['tenant-admin', 'tenant-editor'] as const;
export const READERS = ['tenant-admin', 'tenant-editor', 'tenant-viewer'] as const;

export {
  expectedRevisionOfRequest as expectedRevisionOf,
  IfPresent,
  IsCalendarDay,
  isCalendarDay,
  UuidParam,
} from '@kooperacja/platform';

/**
 * The handler options of a write: a tenant editor is limited to the voivodeships of its token
 * (never of the body); the expected revision comes from `If-Match` or `expectedRevision`.
 */
export const DecisionWriteOptions = createParamDecorator((_: unknown, host: ExecutionContext): DecisionCommandOptions =>
  writeOptionsOf(host.switchToHttp().getRequest<PlatformRequest>()),
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
