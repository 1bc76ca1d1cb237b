import { ApiProperty } from '@nestjs/swagger';
import type { Actor, RecordedEvent } from '@kooperacja/platform';

class HistoryActorDto {
  @ApiProperty({ description: 'Subject of the token that recorded the event', example: 'editor-7' })
  sub!: string;

  @ApiProperty({ description: 'Its role', example: 'tenant-editor' })
  role!: string;
}

/** One recorded event, without its data (which may hold personal fields). */
export class HistoryEntryDto {
  @ApiProperty({ description: 'Position of the event in its stream, from 0', example: 0 })
  revision!: number;

  @ApiProperty({ description: 'Stored event type', example: 'pilot.CaseEnrolled.v1' })
  type!: string;

  @ApiProperty({ description: 'Business time of the fact, as given', example: '2019-09-02' })
  occurredAt!: string | null;

  @ApiProperty({ description: 'When the platform recorded it', example: '2024-05-13T09:12:44.120Z' })
  recordedAt!: string;

  @ApiProperty({ type: HistoryActorDto, nullable: true })
  actor!: HistoryActorDto | null;

  @ApiProperty({ description: 'Event id', format: 'uuid' })
  eventId!: string;
}

export class HistoryDto {
  @ApiProperty({ example: 'pilot.case-mr1-KAR-0042' })
  streamId!: string;

  @ApiProperty({ description: 'Revision of the stream now', example: 7 })
  revision!: number;

  @ApiProperty({ type: [HistoryEntryDto] })
  events!: HistoryEntryDto[];
}

export function historyOf(streamId: string, events: readonly RecordedEvent[]): HistoryDto {
  return {
    streamId,
    revision: events.length ? events[events.length - 1].revision : -1,
    events: events.map((e) => {
      const actor = e.metadata?.actor as Actor | undefined;
      return {
        revision: e.revision,
        type: e.type,
        occurredAt: typeof e.metadata?.occurredAt === 'string' ? e.metadata.occurredAt : null,
        recordedAt: e.recordedAt.toISOString(),
        actor: actor ? { sub: actor.sub, role: actor.role } : null,
        eventId: e.id,
      };
    }),
  };
}
