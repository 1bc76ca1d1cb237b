import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { memberRoles, sectors, type MemberRole, type Sector } from '../contracts/catalogues';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  IfPresent,
  JoinMemberResponse,
  OccurredAtField,
  PERSONAL,
  sendResult,
  UuidParam,
  WRITERS,
} from '../shared/http';
import { JoinMemberHandler } from './join-member.handler';

export class JoinMemberDto extends OccurredAtField {
  @ApiPropertyOptional({
    description:
      "The person's pseudonymous id: send the same one for the same person in every body. Left out, a new one " +
      'is derived from the command (stable across retries)',
    format: 'uuid',
  })
  @IfPresent()
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId?: string;

  @ApiPropertyOptional({
    description: `Full name of a professional member (required for them; never for a client). ${PERSONAL}`,
    maxLength: 200,
    example: 'Anna Kowalska',
  })
  @IfPresent()
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName?: string;

  @ApiPropertyOptional({
    description: `Work e-mail of a professional member. ${PERSONAL}`,
    example: 'a.kowalska@ops.example.pl',
  })
  @IfPresent()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({
    description: `Work phone of a professional member: digits, spaces, ( ) - and a leading +. ${PERSONAL}`,
    example: '+48 58 123 45 67',
  })
  @IfPresent()
  @Matches(/^\+?[0-9][0-9 ()-]{4,22}[0-9]$/, { message: 'phone must be digits, spaces, ( ) - and a leading +' })
  phone?: string;

  @ApiPropertyOptional({
    description: 'Institution the professional member represents (required for them; never for a client)',
    maxLength: 200,
    example: 'MGOPS Kartuzy',
  })
  @IfPresent()
  @IsString({ message: 'institution must be text' })
  @Length(1, 200, { message: 'institution must be 1 to 200 characters' })
  institution?: string;

  @ApiPropertyOptional({
    description: "Sector of the member's institution (required for a professional; never for a client)",
    enum: sectors,
    example: 'social-assistance',
  })
  @IfPresent()
  @IsIn(sectors, { message: `sector must be one of ${sectors.join(', ')}` })
  sector?: Sector;

  @ApiPropertyOptional({
    description: 'Clients of a case team (ZZK) only: the pseudonymous pilot case the client belongs to',
    format: 'uuid',
  })
  @IfPresent()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiProperty({
    description: "Role in the body from the joining day; 'client' only in a ZZK, for a pseudonymous client",
    enum: memberRoles,
    example: 'member',
  })
  @IsIn(memberRoles, { message: `role must be one of ${memberRoles.join(', ')}` })
  role!: MemberRole;
}

@Controller(GROUPS_PATH)
export class JoinMemberController {
  constructor(private readonly handler: JoinMemberHandler) {}

  @Post(':groupId/members')
  @Roles(...WRITERS)
  @GroupWrite(
    'A member joins a body',
    'Records that a person joined the body on `occurredAt` (a member from that day). A professional comes with a ' +
      'name, institution and sector; a client of a case team (ZZK) only under a pseudonymous personId.',
    JoinMemberResponse,
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  async join(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Body() dto: JoinMemberDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, ...member } = dto;
    return sendResult(res, await this.handler.execute({ ...member, groupId }, ctx, occurredAt, options));
  }
}
