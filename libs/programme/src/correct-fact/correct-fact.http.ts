import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import type { ProjectFact } from '../project/project.events';
import { commandOptions, FactDto, PROGRAMME_ROUTE, respond, WriteEndpoint } from '../programme.http-support';
import { CorrectFactHandler } from './correct-fact.handler';

export class CorrectFactDto extends FactDto {
  @ApiProperty({
    description: 'eventId of the wrong fact (see GET .../programme/history)',
    example: '0b7e5d6c-1f7a-5a0e-9d53-6c0f4f2a9b11',
  })
  @IsUUID('all', { message: 'correctedEventId must be the id (a UUID) of an event of the programme stream' })
  correctedEventId!: string;

  @ApiProperty({
    description: 'Why the fact is corrected (must not name people)',
    example: 'kwota z aneksu przepisana z błędem',
  })
  @IsString({ message: 'reason must be a string' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;

  @ApiPropertyOptional({
    description:
      'The data the fact should have had, in the shape of the corrected event (e.g. for a BudgetAmended ' +
      '`{ budget, amendedOn, source }`); null or absent when the fact did not happen at all. Its fields are ' +
      'checked like the original command and named `replacement.<field>` in errors.',
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: {
      budget: { total: { grosze: '3160436834', currency: 'PLN' } },
      amendedOn: '2020-09-30',
      source: 'aneks nr 3',
    },
  })
  @IsOptional()
  @IsObject({ message: 'replacement must be an object (the data of the corrected event) or null' })
  replacement?: Record<string, unknown> | null;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class CorrectFactController {
  constructor(private readonly handler: CorrectFactHandler) {}

  @Post('corrections')
  @Roles('tenant-admin')
  @WriteEndpoint(
    'Correct a recorded fact (tenant-admin only)',
    'The wrong event stays in the history; the correction replaces its data (or voids it) from now on. ' +
      '`occurredAt` is the day the error was found and is not checked against the project period.',
  )
  async correct(
    @Body() dto: CorrectFactDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, expectedRevision, replacement, ...input } = dto;
    return respond(
      res,
      await this.handler.execute(
        { ...input, replacement: (replacement ?? null) as ProjectFact['data'] | null },
        ctx,
        occurredAt,
        commandOptions({ expectedRevision }, ifMatch),
      ),
    );
  }
}
