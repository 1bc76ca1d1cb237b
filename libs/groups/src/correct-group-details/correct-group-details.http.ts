import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { groupKinds, groupLevels, type GroupKind, type GroupLevel } from '../contracts/catalogues';
import { CorrectionFields } from '../shared/correction';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  IfPresent,
  IsCalendarDay,
  sendResult,
  UuidParam,
} from '../shared/http';
import { CorrectGroupDetailsHandler } from './correct-group-details.handler';

export class CorrectGroupDetailsDto extends CorrectionFields {
  @ApiPropertyOptional({ description: 'The correct name', maxLength: 200, example: 'PGR powiatu kartuskiego' })
  @IfPresent()
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @ApiPropertyOptional({ description: 'The correct kind of body', enum: groupKinds })
  @IfPresent()
  @IsIn(groupKinds, { message: `kind must be one of ${groupKinds.join(', ')}` })
  kind?: GroupKind;

  @ApiPropertyOptional({
    description: "The correct label (kind 'other' only); null removes it",
    maxLength: 100,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString({ message: 'label must be text or null' })
  @Length(1, 100, { message: 'label must be 1 to 100 characters' })
  label?: string | null;

  @ApiPropertyOptional({ description: 'The correct level', enum: groupLevels })
  @IfPresent()
  @IsIn(groupLevels, { message: `level must be one of ${groupLevels.join(', ')}` })
  level?: GroupLevel;

  @ApiPropertyOptional({
    description: "The correct territory: TERYT code (gmina 7 digits, powiat 4) or the voivodeship's name",
    example: '2205',
  })
  @IfPresent()
  @IsString({ message: 'territory must be text' })
  @Length(1, 60, { message: 'territory must be 1 to 60 characters' })
  territory?: string;

  @ApiPropertyOptional({ description: 'The correct convening day, YYYY-MM-DD', example: '2018-10-01' })
  @IfPresent()
  @IsCalendarDay()
  convenedOn?: string;
}

@Controller(GROUPS_PATH)
export class CorrectGroupDetailsController {
  constructor(private readonly handler: CorrectGroupDetailsHandler) {}

  @Post(':groupId/corrections')
  @Roles('tenant-admin')
  @GroupWrite(
    "Correct a body's details",
    'Fixes facts of the convening recorded wrongly (only the fields given change); the whole record must still ' +
      'hold together afterwards. Tenant admins only.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  async correct(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Body() dto: CorrectGroupDetailsDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, ...correction } = dto;
    return sendResult(res, await this.handler.execute({ ...correction, groupId }, ctx, occurredAt, options));
  }
}
