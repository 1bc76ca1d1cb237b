import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtField } from './http';

/** Every correction says why; `occurredAt` is the day the correction was made. */
export class CorrectionFields extends OccurredAtField {
  @ApiProperty({
    description: 'Why the record was wrong (kept with the correction; history is never rewritten)',
    maxLength: 500,
    example: 'Błędnie wpisana data posiedzenia',
  })
  @IsString({ message: 'reason must be text' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason!: string;
}
