import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { sectors, type Sector } from '../contracts/catalogues';
import { CorrectionFields } from '../shared/correction';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  IfPresent,
  IsCalendarDay,
  PERSONAL,
  sendResult,
  UuidParam,
} from '../shared/http';
import { CorrectMemberDetailsHandler } from './correct-member-details.handler';

export class CorrectMemberDetailsDto extends CorrectionFields {
  @ApiProperty({
    description: 'Joining day of the membership as recorded: which of the person’s memberships is meant',
    example: '2018-10-01',
  })
  @IsCalendarDay()
  membershipJoinedOn!: string;

  @ApiPropertyOptional({ description: `The correct full name. ${PERSONAL}`, maxLength: 200, example: 'Anna Kowalska' })
  @IfPresent()
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName?: string;

  @ApiPropertyOptional({
    description: `The correct work e-mail; null removes it. ${PERSONAL}`,
    nullable: true,
    type: String,
    example: 'a.kowalska@ops.example.pl',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address or null' })
  email?: string | null;

  @ApiPropertyOptional({
    description: `The correct work phone; null removes it. ${PERSONAL}`,
    nullable: true,
    type: String,
    example: '+48 58 123 45 67',
  })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{4,22}[0-9]$/, {
    message: 'phone must be digits, spaces, ( ) - and a leading +, or null',
  })
  phone?: string | null;

  @ApiPropertyOptional({ description: 'The correct institution', maxLength: 200, example: 'MGOPS Kartuzy' })
  @IfPresent()
  @IsString({ message: 'institution must be text' })
  @Length(1, 200, { message: 'institution must be 1 to 200 characters' })
  institution?: string;

  @ApiPropertyOptional({ description: 'The correct sector', enum: sectors })
  @IfPresent()
  @IsIn(sectors, { message: `sector must be one of ${sectors.join(', ')}` })
  sector?: Sector;

  @ApiPropertyOptional({ description: 'The correct joining day, YYYY-MM-DD', example: '2018-10-08' })
  @IfPresent()
  @IsCalendarDay()
  joinedOn?: string;
}

@Controller(GROUPS_PATH)
export class CorrectMemberDetailsController {
  constructor(private readonly handler: CorrectMemberDetailsHandler) {}

  @Post(':groupId/members/:personId/corrections')
  @Roles('tenant-admin')
  @GroupWrite(
    "Correct a member's record",
    'Fixes a membership recorded wrongly (only the fields given change). A client stays pseudonymous: no name, ' +
      'contact, institution or sector. Tenant admins only.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiParam({ name: 'personId', format: 'uuid', description: "The member's pseudonymous id" })
  async correct(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Param('personId', new UuidParam('personId')) personId: string,
    @Body() dto: CorrectMemberDetailsDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, ...correction } = dto;
    return sendResult(res, await this.handler.execute({ ...correction, groupId, personId }, ctx, occurredAt, options));
  }
}
