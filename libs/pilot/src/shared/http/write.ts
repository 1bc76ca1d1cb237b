import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiQuery,
  ApiCreatedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ValidationFailedException, type CommandContext } from '@kooperacja/platform';
import type { CaseCommandResult } from '../../case/case-command';
import type { SiteCommandResult } from '../../site/site-command';
import { IsBusinessDate } from './validators';

/** Every write carries the business date of the fact it records. */
export abstract class BusinessFactDto {
  @ApiProperty({
    description:
      'When the fact happened (business date, YYYY-MM-DD; an ISO date-time keeps its day as written). ' +
      'Must lie in the project period of the tenant.',
    example: '2019-10-01',
  })
  @IsBusinessDate()
  occurredAt!: string;
}

export class CommandResultDto {
  @ApiProperty({ description: 'The stream written', example: 'pilot.case-mr1-KAR-0042' })
  streamId!: string;

  @ApiProperty({ description: 'Revision of the stream after the command; send it back as If-Match', example: 3 })
  revision!: number;

  @ApiProperty({ description: 'Ids of the events recorded (none when nothing changed)', type: [String] })
  eventIds!: string[];

  @ApiProperty({ description: 'True when this command had been applied before: nothing new was written' })
  alreadyApplied!: boolean;
}

export class CaseCommandResultDto extends CommandResultDto {
  @ApiProperty({ description: 'The pseudonymous case id (uuids lower-cased)', example: 'mr1-KAR-0042' })
  caseId!: string;
}

export class SiteCommandResultDto extends CommandResultDto {
  @ApiProperty({ description: 'TERYT code of the site', example: '1805052' })
  teryt!: string;
}

/**
 * A tenant editor acts only in the voivodeships of its token; other tenant roles are not limited.
 * The limit comes from the verified token, never from the request.
 */
export function editorScope(ctx: CommandContext): { allowedVoivodeships?: readonly string[] } {
  return ctx.actor.role === 'tenant-editor' ? { allowedVoivodeships: ctx.voivodeships ?? [] } : {};
}

export const etagOf = (revision: number) => `"${revision}"`;

/** 201 when events were recorded; 200 when the command changed nothing (a retry, or a restated report). */
export function commandResponse<T extends { revision: number; eventIds: readonly string[]; alreadyApplied: boolean }>(
  res: Response,
  result: T,
): T {
  res.status(result.alreadyApplied || result.eventIds.length === 0 ? 200 : 201);
  res.setHeader('ETag', etagOf(result.revision));
  return result;
}

/** The HTTP answer to a case command: never the events themselves (a plan's goal labels are personal data). */
export function caseResult(r: CaseCommandResult): CaseCommandResultDto {
  return {
    streamId: r.streamId,
    caseId: r.caseId,
    revision: r.revision,
    eventIds: [...r.eventIds],
    alreadyApplied: r.alreadyApplied,
  };
}

/** The HTTP answer to a site command: never the events themselves (a report's source is personal data). */
export function siteResult(r: SiteCommandResult): SiteCommandResultDto {
  return {
    streamId: r.streamId,
    teryt: r.teryt,
    revision: r.revision,
    eventIds: [...r.eventIds],
    alreadyApplied: r.alreadyApplied,
  };
}

const REVISION = /^(?:W\/)?"?(-1|\d{1,9})"?$/;

/**
 * The revision the client expects the stream at: `If-Match: "<revision>"` (the ETag of a read or
 * a write) or `?expectedRevision=<n>`; undefined when neither is sent. 400 when malformed.
 */
export function expectedRevisionOf(ifMatch: unknown, query: unknown): number | undefined {
  const parse = (raw: unknown, field: string): number | undefined => {
    if (raw === undefined) return undefined;
    const match = typeof raw === 'string' ? REVISION.exec(raw.trim()) : null;
    if (!match) {
      throw new ValidationFailedException([
        { field, reason: `${field} must be a stream revision as returned in ETag, e.g. "3" (-1: no stream yet)` },
      ]);
    }
    return Number(match[1]);
  };
  const fromHeader = parse(ifMatch, 'If-Match');
  const fromQuery = parse(query, 'expectedRevision');
  if (fromHeader !== undefined && fromQuery !== undefined && fromHeader !== fromQuery) {
    throw new ValidationFailedException([
      { field: 'expectedRevision', reason: 'If-Match and expectedRevision differ' },
    ]);
  }
  return fromHeader ?? fromQuery;
}

/** A mismatch is refused by the command runner with 409 and the current revision. */
export const ExpectedRevision = createParamDecorator((_: unknown, host: ExecutionContext): number | undefined => {
  const req = host.switchToHttp().getRequest<Request>();
  return expectedRevisionOf(req.headers['if-match'], req.query?.expectedRevision);
});

/** OpenAPI for a write of the pilot context. */
export function PilotWrite(result: typeof CaseCommandResultDto | typeof SiteCommandResultDto) {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Send the same key to retry safely: the first response is returned and nothing is recorded twice',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the revision you read (optimistic check)' }),
    ApiQuery({ name: 'expectedRevision', required: false, type: Number, description: 'Same as If-Match' }),
    ApiCreatedResponse({ type: result, description: 'Recorded; ETag holds the new revision' }),
    ApiOkResponse({ type: result, description: 'Nothing new recorded: the command had been applied before' }),
    ApiBadRequestResponse({ description: 'A field is invalid: `errors` lists each field and the reason' }),
    ApiForbiddenResponse({
      description: "Your role may not do this, or the site lies outside your token's voivodeships",
    }),
    ApiNotFoundResponse({ description: 'Unknown case (or another tenant)' }),
    ApiConflictResponse({ description: 'The state forbids it (e.g. a closed case), or If-Match is stale' }),
  );
}
