import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Roles } from '../auth/decorators';
import { EVENT_STORE } from '../database/database.module';
import type { Actor, EventStore, RecordedEvent } from '../event-store/event-store.port';
import { formatPosition, parsePosition } from '../event-store/position';
import { ValidationFailedException } from '../http/validation';

export class AuditQueryDto {
  @ApiPropertyOptional({
    description: 'Position to continue after (the `next` of the previous page)',
    example: '1234/56',
  })
  @IsOptional()
  @Matches(/^\d{1,19}\/\d{1,19}$/, { message: 'after must be a position <commit>/<prepare>' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export interface AuditEntry {
  readonly position: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly actor: { readonly sub: string; readonly role: string } | null;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly commandId: string | null;
  readonly correlationId: string | null;
}

const MAX_POSITION = 2n ** 63n - 1n;

/** Who recorded what and when, for the tenant's admin. Never the events' data (personal data). */
@ApiTags('audit')
@Controller('api/v1/tenants/:tenantId/audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Roles('tenant-admin')
  @ApiOperation({ summary: "Page through the tenant's recorded events: type, stream, actor, times, position" })
  async page(@Param('tenantId') tenantId: string, @Query() query: AuditQueryDto) {
    const limit = query.limit ?? 100;
    let after;
    if (query.after !== undefined) {
      after = parsePosition(query.after);
      if (after.commit > MAX_POSITION || after.prepare > MAX_POSITION) {
        throw new ValidationFailedException([{ field: 'after', reason: 'after is out of range' }]);
      }
    }
    const events = await this.store.readAll({ tenant: tenantId, after, limit });
    return {
      items: events.map(toEntry),
      next: events.length === limit ? formatPosition(events[events.length - 1].position) : null,
    };
  }
}

function toEntry(e: RecordedEvent): AuditEntry {
  const actor = e.metadata?.actor as Actor | undefined;
  return {
    position: formatPosition(e.position),
    type: e.type,
    streamId: e.streamId,
    revision: e.revision,
    actor: actor ? { sub: actor.sub, role: actor.role } : null,
    occurredAt: typeof e.metadata?.occurredAt === 'string' ? e.metadata.occurredAt : null,
    recordedAt: e.recordedAt.toISOString(),
    commandId: typeof e.metadata?.commandId === 'string' ? e.metadata.commandId : null,
    correlationId: typeof e.metadata?.correlationId === 'string' ? e.metadata.correlationId : null,
  };
}
