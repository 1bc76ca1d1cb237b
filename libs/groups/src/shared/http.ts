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
import type { GroupCommandOptions, GroupCommandResult } from './run-group-command';

/** Every groups route lives under the caller's own tenant. */
export const GROUPS_PATH = 'api/v1/tenants/:tenantId/groups';

export const WRITERS = ['tenant-admin', 'tenant-editor'] as const;
export const READERS = ['tenant-admin', 'tenant-editor', 'tenant-viewer'] as const;

export {
  expectedRevisionOfRequest as expectedRevisionOf,
  IfPresent,
  IsCalendarDay,
  isCalendarDay,
  UuidParam,
} from '@kooperacja/platform';

/** Appended to the OpenAPI description of every field holding a person's data. */
export const PERSONAL = 'Personal data (RODO/GDPR): erasable on request, never shown in event histories.';

/** Today in Poland, where the bodies meet: the default day of "now" reads. */
export function todayInPoland(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(now);
}

/**
 * The handler options of a write: a tenant editor is limited to the voivodeships of its token
 * (never of the body); the expected revision comes from `If-Match` or `expectedRevision`.
 */
export const GroupWriteOptions = createParamDecorator((_: unknown, host: ExecutionContext): GroupCommandOptions =>
  writeOptionsOf(host.switchToHttp().getRequest<PlatformRequest>()),
);

/** 201 for a new fact, 200 when the command had been applied before; the ETag is the new revision. */
export function sendResult<R extends GroupCommandResult>(res: Response, result: R): R {
  res.status(result.alreadyApplied ? 200 : 201);
  res.setHeader('ETag', `"${result.revision}"`);
  return result;
}

/** What every groups write answers (OpenAPI). */
export class GroupCommandResponse {
  @ApiProperty({ description: 'The group (body) the command was about', format: 'uuid' })
  groupId!: string;

  @ApiProperty({ description: 'The event stream of the group', example: 'groups.group-0b9f…' })
  streamId!: string;

  @ApiProperty({ description: 'Revision of the stream after the command; send it back as If-Match', example: 3 })
  revision!: number;

  @ApiProperty({ description: 'Ids of the events appended by the command', type: [String] })
  eventIds!: string[];

  @ApiProperty({ description: 'True when this command (Idempotency-Key) had been applied before: nothing new' })
  alreadyApplied!: boolean;
}

export class JoinMemberResponse extends GroupCommandResponse {
  @ApiProperty({ description: "The member's pseudonymous id (given, or derived from the command)", format: 'uuid' })
  personId!: string;
}

export class HoldMeetingResponse extends GroupCommandResponse {
  @ApiProperty({ description: 'The meeting id (given, or derived from the command)', format: 'uuid' })
  meetingId!: string;
}

/** Documented on every write: business time is in the body; concurrency and retries in headers. */
export class OccurredAtField {
  @ApiProperty({
    description: 'Business date of the fact (when it happened, not when it is recorded), YYYY-MM-DD',
    example: '2019-03-14',
  })
  @IsCalendarDay()
  occurredAt!: string;
}

/** OpenAPI of a groups write: who may call it, its headers, and what it answers. */
export function GroupWrite(summary: string, description: string, response: new () => object = GroupCommandResponse) {
  return applyDecorators(
    ApiTags('groups'),
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
    ApiCreatedResponse({ type: response, description: 'Recorded; ETag is the new revision' }),
    ApiOkResponse({ type: response, description: 'Already recorded by this command before: nothing new' }),
    ApiBadRequestResponse({ description: 'Invalid input: `errors` names each field and the reason' }),
    ApiForbiddenResponse({ description: 'Role not allowed, or a body outside the editor’s voivodeships' }),
    ApiNotFoundResponse({ description: 'No such group (or member, meeting) in this tenant' }),
    ApiConflictResponse({ description: 'The record forbids it (`code` says why), or the revision changed' }),
  );
}

/** OpenAPI of a groups read. */
export function GroupRead(summary: string, description: string) {
  return applyDecorators(
    ApiTags('groups'),
    ApiOperation({ summary, description }),
    ApiParam({ name: 'tenantId', description: "The caller's own tenant (404 for any other)", example: 'mr2' }),
  );
}
