// HTTP conventions the contexts' write and history endpoints share: roles, business-day
// validation, the write outcome and its OpenAPI description, If-Match, stream histories.
import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
} from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import type { Response } from 'express';
import type { Role } from '../auth/roles';
import type { Actor, RecordedEvent } from '../event-store/event-store.port';
import { ValidationFailedException } from './validation';

/** Who records facts; a tenant-editor only inside the voivodeships of its token. */
export const WRITERS: Role[] = ['tenant-admin', 'tenant-editor'];
/** Who reads a tenant's state, history and read models. */
export const READERS: Role[] = ['tenant-admin', 'tenant-editor', 'tenant-viewer'];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (or, unless `dateOnly`, an ISO date-time with a zone). */
export function isBusinessDay(value: unknown, dateOnly = false): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value) ?? (dateOnly ? null : DATE_TIME.exec(value));
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** class-validator rule for business dates (see {@link isBusinessDay}). */
export function IsBusinessDay(options: { dateOnly?: boolean } = {}, validation?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isBusinessDay',
      validator: {
        validate: (value: unknown) => isBusinessDay(value, options.dateOnly),
        defaultMessage: (args) =>
          options.dateOnly
            ? `${args?.property} must be a calendar date written YYYY-MM-DD`
            : `${args?.property} must be a calendar date written YYYY-MM-DD (or an ISO date-time with a time zone)`,
      },
    },
    validation,
  );
}

/** What every write carries besides its facts: when it happened and, optionally, the revision read. */
export abstract class FactDto {
  @ApiProperty({
    description:
      'Business time of the fact: the day it happened (YYYY-MM-DD), not the day it is recorded. ' +
      'Must lie in the project period unless the operation says otherwise.',
    example: '2019-03-14',
  })
  @IsBusinessDay()
  occurredAt!: string;

  @ApiPropertyOptional({
    description:
      'Optimistic concurrency: the revision of the stream you last read (`revision` or the ETag of the ' +
      'matching GET; -1 for a stream that does not exist yet). Refused with 409 and the current revision when ' +
      'the stream has moved on. Same as an `If-Match` header.',
    example: 3,
    minimum: -1,
  })
  @IsOptional()
  @IsInt({ message: 'expectedRevision must be a whole number' })
  @Min(-1, { message: 'expectedRevision must be -1 (no stream yet) or more' })
  @Max(2 ** 31, { message: 'expectedRevision is too large' })
  expectedRevision?: number;
}

/** The answer to every write. */
export class WriteOutcomeDto {
  @ApiProperty({ description: 'The stream the facts were appended to', example: 'territory.municipality-2205023' })
  streamId!: string;

  @ApiProperty({ description: 'Revision of the stream after the write (use it as expectedRevision next)', example: 2 })
  revision!: number;

  @ApiProperty({
    description: 'Ids of the events this command appended (the same ids when a retry found them applied)',
    example: ['6f1c3c1e-6c3b-5f7e-9a7d-2b1f0e9d8c7a'],
    type: [String],
  })
  eventIds!: string[];

  @ApiProperty({
    description: 'True when this command (same Idempotency-Key) had already been applied: nothing new was written',
    example: false,
  })
  alreadyApplied!: boolean;
}

/** OpenAPI of a write: 201 when written, 200 when already applied, and the refusals. */
export function WriteEndpoint(summary: string, description?: string) {
  return applyDecorators(
    ApiOperation({ summary, description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retry-safe writes: a retry with the same key and body returns the first response and writes nothing',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The stream revision you last read (its ETag, e.g. "3"); 409 when the stream has moved on',
    }),
    ApiCreatedResponse({ type: WriteOutcomeDto, description: 'Recorded; the `ETag` header is the new revision' }),
    ApiOkResponse({ type: WriteOutcomeDto, description: 'This command was already applied: nothing new was written' }),
    ApiBadRequestResponse({
      description: '`errors` lists each field at fault with the reason; `code` says which rule',
    }),
    ApiForbiddenResponse({ description: 'The role may not do this, or the voivodeship is outside your token' }),
    ApiNotFoundResponse({ description: 'What the command refers to does not exist' }),
    ApiConflictResponse({ description: 'The current state forbids it, or expectedRevision is stale' }),
  );
}

/**
 * The revision the caller expects, from the body's `expectedRevision` or an `If-Match` header
 * (`"3"`, `W/"3"` or `3`). Both may be given only when they agree.
 */
export function expectedRevisionOf(
  dto: Pick<FactDto, 'expectedRevision'>,
  ifMatch: string | undefined,
): number | undefined {
  let fromHeader: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(-1|\d{1,10})"?$/.exec(ifMatch.trim());
    if (!match) {
      throw new ValidationFailedException([{ field: 'If-Match', reason: 'If-Match must be a revision, e.g. "3"' }]);
    }
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && dto.expectedRevision !== undefined && fromHeader !== dto.expectedRevision) {
    throw new ValidationFailedException([
      { field: 'expectedRevision', reason: 'expectedRevision and If-Match name different revisions' },
    ]);
  }
  return fromHeader ?? dto.expectedRevision;
}

export interface WriteOutcome {
  readonly streamId: string;
  readonly revision: number;
  readonly eventIds: readonly string[];
  readonly alreadyApplied: boolean;
}

/** 201 for a write, 200 when the command had already been applied; the new revision as ETag. */
export function respond(res: Response, outcome: WriteOutcome): WriteOutcomeDto {
  if (outcome.alreadyApplied) res.status(200);
  res.setHeader('ETag', `"${outcome.revision}"`);
  return { ...outcome, eventIds: [...outcome.eventIds] };
}

/** One recorded event as a history shows it: what, who and when, never the data. */
export class StreamHistoryEntryDto {
  @ApiProperty({
    description: 'Id of the event (what a correction names)',
    example: '0b7e5d6c-1f7a-5a0e-9d53-6c0f4f2a9b11',
  })
  eventId!: string;

  @ApiProperty({ description: 'Position of the event in its stream, from 0', example: 0 })
  revision!: number;

  @ApiProperty({ description: 'Domain type of the event', example: 'CooperationAgreementSigned' })
  type!: string;

  @ApiProperty({
    description: 'Stored, versioned name of the event',
    example: 'territory.CooperationAgreementSigned.v1',
  })
  storedType!: string;

  @ApiProperty({ description: 'Business time of the fact', example: '2019-06-03', nullable: true })
  occurredAt!: string | null;

  @ApiProperty({ description: 'When the platform recorded it (ISO date-time)', example: '2024-05-02T10:14:03.120Z' })
  recordedAt!: string;

  @ApiProperty({
    description: "Who recorded it: the token's subject and role (no names)",
    example: { sub: 'u-42', role: 'tenant-admin' },
    nullable: true,
  })
  actor!: { sub: string; role: string } | null;

  @ApiProperty({
    description: 'The document the fact comes from, when one was given',
    example: 'aneks nr 3',
    nullable: true,
    type: String,
  })
  source!: string | null;

  @ApiPropertyOptional({ description: 'Corrections only: the event this one corrects' })
  correctedEventId?: string;
}

/** A stream's history. */
export class StreamHistoryDto {
  @ApiProperty({ description: 'The stream', example: 'programme.project-main' })
  streamId!: string;

  @ApiProperty({ description: 'Revision of the stream now (-1 when it has no events)', example: 7 })
  revision!: number;

  @ApiProperty({ description: 'Every event of the stream, oldest first', type: [StreamHistoryEntryDto] })
  events!: StreamHistoryEntryDto[];
}

/** A recorded event as a history entry; `domain` is the event read by its catalogue (upcast). */
export function historyEntry(event: RecordedEvent, domain: { type: string; data: object }): StreamHistoryEntryDto {
  const actor = event.metadata.actor as Actor | undefined;
  const data = domain.data as { source?: unknown; correctedEventId?: unknown };
  const source = typeof data.source === 'string' ? data.source : event.metadata.source;
  return {
    eventId: event.id,
    revision: event.revision,
    type: domain.type,
    storedType: event.type,
    occurredAt: typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : null,
    recordedAt: event.recordedAt.toISOString(),
    actor: actor ? { sub: actor.sub, role: actor.role } : null,
    source: typeof source === 'string' ? source : null,
    ...(typeof data.correctedEventId === 'string' ? { correctedEventId: data.correctedEventId } : {}),
  };
}
