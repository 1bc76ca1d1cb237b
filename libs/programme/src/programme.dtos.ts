import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VOIVODESHIPS } from '@kooperacja/territory/contracts';
import { PARTNER_KINDS, type PartnerKind } from './contracts/project.view';
import { IsBusinessDay } from './programme.http-support';

// Parts several programme commands share. The decider checks the same rules again (and those
// that need the project's state); these give the client every field at fault at once.

const VOIVODESHIP_NAMES = Object.keys(VOIVODESHIPS);

export class MoneyDto {
  @ApiProperty({
    description:
      'Amount in whole grosze (1/100 PLN) as a decimal string, so no amount loses a grosz in a JSON number: ' +
      '34 895 692,40 zł is "3489569240"',
    example: '3489569240',
  })
  @IsString({ message: 'grosze must be a string of digits' })
  @Matches(/^(0|[1-9]\d{0,17})$/, {
    message: 'grosze must be a whole number of grosze written in digits, e.g. "3489569240"',
  })
  grosze!: string;

  @ApiProperty({ description: 'Currency; only PLN', enum: ['PLN'], example: 'PLN' })
  @IsIn(['PLN'], { message: 'currency must be PLN' })
  currency!: 'PLN';
}

export class BudgetDto {
  @ApiPropertyOptional({ description: 'Total cost (wartość projektu)', type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  total?: MoneyDto;

  @ApiPropertyOptional({ description: 'EU share (wkład Funduszy Europejskich)', type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  euShare?: MoneyDto;

  @ApiPropertyOptional({ description: 'National targeted grant (dotacja celowa)', type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  targetedGrant?: MoneyDto;
}

export class ProjectPeriodDto {
  @ApiProperty({ description: 'First day of the period (YYYY-MM-DD), inclusive', example: '2018-04-01' })
  @IsBusinessDay({ dateOnly: true })
  start!: string;

  @ApiProperty({ description: 'Last day of the period (YYYY-MM-DD), inclusive', example: '2021-03-31' })
  @IsBusinessDay({ dateOnly: true })
  end!: string;
}

export class PartnerDto {
  @ApiProperty({
    description: 'Stable lower-case slug chosen for the partner institution',
    example: 'rops-torun',
    maxLength: 60,
  })
  @IsString({ message: 'partnerId must be a string' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "partnerId must be a lower-case slug such as 'rops-torun'" })
  @MaxLength(60, { message: 'partnerId must be at most 60 characters' })
  partnerId!: string;

  @ApiProperty({
    description: 'Name of the institution (a public body, not a person)',
    example: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
  })
  @IsString({ message: 'name must be a string' })
  @Length(1, 300, { message: 'name must be 1 to 300 characters' })
  name!: string;

  @ApiProperty({ description: 'Kind of institution', enum: PARTNER_KINDS, example: 'ROPS' })
  @IsIn(PARTNER_KINDS, { message: `kind must be one of ${PARTNER_KINDS.join(', ')}` })
  kind!: PartnerKind;

  @ApiProperty({
    description: 'Voivodeships the partner works in, by lower-case Polish name',
    example: ['kujawsko-pomorskie'],
    enum: VOIVODESHIP_NAMES,
    isArray: true,
  })
  @IsArray({ message: 'voivodeships must be a list' })
  @ArrayNotEmpty({ message: 'voivodeships must name at least one voivodeship' })
  @ArrayMaxSize(16, { message: 'voivodeships lists at most the 16 voivodeships' })
  @IsIn(VOIVODESHIP_NAMES, {
    each: true,
    message: "each voivodeship must be a lower-case Polish name, e.g. 'pomorskie'",
  })
  voivodeships!: string[];
}

/** An optional reference to the document a fact comes from. */
export const SOURCE_DESCRIPTION =
  'The document the fact comes from (agreement annex, protocol, seed document…); must not name people';
