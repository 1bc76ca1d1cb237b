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
import { isUuid } from '../group/input';
import type { GroupCommandOptions, GroupCommandResult } from './run-group-command';

/** Every groups route lives under the caller's own tenant. */
export const GROUPS_PATH = 'api/v1/tenants/:tenantId/groups';

export const WRITERS = ['tenant-admin', 'tenant-editor'] as const;
export const READERS = ['tenant-admin', 'tenant-editor', 'tenant-viewer'] as const;

/** Appended to the OpenAPI description of every field holding a person's data. */
export const PERSONAL = 'Personal data (RODO/GDPR): erasable on request, never shown in event histories.';

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

/** Today in Poland, where the bodies meet: the default day of "now" reads. */
export function todayInPoland(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(now);
}

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
export const GroupWriteOptions = createParamDecorator((_: unknown, host: ExecutionContext): GroupCommandOptions => {
  const req = host.switchToHttp().getRequest<PlatformRequest>();
  const expectedRevision = expectedRevisionOf(req);
  return {
    ...(req.context?.actor.role === 'tenant-editor' ? { allowedVoivodeships: req.context.voivodeships ?? [] } : {}),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
});

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
