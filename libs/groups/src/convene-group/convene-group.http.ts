import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { groupKinds, groupLevels, type GroupKind, type GroupLevel } from '../contracts/catalogues';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  IfPresent,
  OccurredAtField,
  sendResult,
  WRITERS,
} from '../shared/http';
import { ConveneGroupHandler } from './convene-group.handler';

export class ConveneGroupDto extends OccurredAtField {
  @ApiPropertyOptional({
    description: 'Id of the new group. Left out, one is derived from the command (stable across retries)',
    format: 'uuid',
  })
  @IfPresent()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;

  @ApiProperty({ description: 'Kind of body', enum: groupKinds, example: 'PGR' })
  @IsIn(groupKinds, { message: `kind must be one of ${groupKinds.join(', ')}` })
  kind!: GroupKind;

  @ApiPropertyOptional({
    description: "What the body is called in the region; only for kind 'other' (and required for it)",
    maxLength: 100,
    example: 'Zespół ds. ewaluacji',
  })
  @IfPresent()
  @IsString({ message: 'label must be text' })
  @Length(1, 100, { message: 'label must be 1 to 100 characters' })
  label?: string;

  @ApiProperty({ description: 'Level the body works at (the kind limits it)', enum: groupLevels, example: 'powiat' })
  @IsIn(groupLevels, { message: `level must be one of ${groupLevels.join(', ')}` })
  level!: GroupLevel;

  @ApiProperty({
    description:
      "TERYT code of the territory: 7 digits for a gmina, 4 for a powiat; at voivodeship level the voivodeship's " +
      'name (lower-case Polish) or its 2-digit code. It must be in one of the tenant’s voivodeships',
    example: '2205',
  })
  @IsString({ message: 'territory must be text' })
  @Length(1, 60, { message: 'territory must be 1 to 60 characters' })
  territory!: string;

  @ApiProperty({
    description: 'Name of the body as used in the region',
    maxLength: 200,
    example: 'PGR powiatu kartuskiego',
  })
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;
}

@Controller(GROUPS_PATH)
export class ConveneGroupController {
  constructor(private readonly handler: ConveneGroupHandler) {}

  @Post()
  @Roles(...WRITERS)
  @GroupWrite(
    'Convene a body',
    'Records that a body (PGR, PGD, RGR, steering committee, PZK, GGK, ZZK, …) was convened on `occurredAt`. ' +
      'A tenant editor may convene bodies in the voivodeships of its token only.',
  )
  async convene(
    @Body() dto: ConveneGroupDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, ...input } = dto;
    return sendResult(res, await this.handler.execute(input, ctx, occurredAt, options));
  }
}
