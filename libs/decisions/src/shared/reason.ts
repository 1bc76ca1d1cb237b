import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtField } from './http';

export class ReasonFields extends OccurredAtField {
  @ApiProperty({ description: 'Why', maxLength: 500, example: 'Zmiana przepisów ustawy o pomocy społecznej' })
  @IsString({ message: 'reason must be text' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason!: string;
}
