import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import type { DecisionOutcome } from '../contracts/read-model';
import { IfPresent } from './http';

const OUTCOME_KINDS = ['consensus', 'vote'] as const;
const MAX_VOTES = 10_000;

/** How the body decided: by consensus, or by a vote with its counts. */
export class OutcomeDto {
  @ApiProperty({ description: "'consensus', or 'vote' with the counts", enum: OUTCOME_KINDS, example: 'vote' })
  @IsIn(OUTCOME_KINDS, { message: "outcome.kind must be 'consensus' or 'vote'" })
  kind!: (typeof OUTCOME_KINDS)[number];

  @ApiPropertyOptional({ description: "kind 'vote': votes for", minimum: 0, example: 9 })
  @ValidateIf((o: OutcomeDto) => o.kind === 'vote' || o.for !== undefined)
  @IsInt({ message: "for must be a whole number of votes (kind 'vote')" })
  @Min(0, { message: 'for must be 0 or more' })
  @Max(MAX_VOTES, { message: `for must be at most ${MAX_VOTES}` })
  for?: number;

  @ApiPropertyOptional({ description: "kind 'vote': votes against", minimum: 0, example: 2 })
  @ValidateIf((o: OutcomeDto) => o.kind === 'vote' || o.against !== undefined)
  @IsInt({ message: "against must be a whole number of votes (kind 'vote')" })
  @Min(0, { message: 'against must be 0 or more' })
  @Max(MAX_VOTES, { message: `against must be at most ${MAX_VOTES}` })
  against?: number;

  @ApiPropertyOptional({ description: "kind 'vote': abstentions (default 0)", minimum: 0, example: 1 })
  @IfPresent()
  @IsInt({ message: 'abstaining must be a whole number of votes' })
  @Min(0, { message: 'abstaining must be 0 or more' })
  @Max(MAX_VOTES, { message: `abstaining must be at most ${MAX_VOTES}` })
  abstaining?: number;
}

export function toOutcome(dto: OutcomeDto): DecisionOutcome {
  return dto.kind === 'consensus'
    ? { kind: 'consensus' }
    : { kind: 'vote', for: dto.for ?? 0, against: dto.against ?? 0, abstaining: dto.abstaining ?? 0 };
}
