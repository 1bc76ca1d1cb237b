import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { Ctx, Roles, type RequestContext } from '@kooperacja/platform';
import { groupKinds, groupLevels, type GroupKind, type GroupLevel } from '../contracts/catalogues';
import { GROUPS_PATH, GroupRead, IfPresent, IsCalendarDay, READERS, todayInPoland, UuidParam } from '../shared/http';
import { GroupCompositionQuery } from './group-composition.query';

export class CompositionQueryDto {
  @ApiPropertyOptional({
    description: 'The day to show the members of, YYYY-MM-DD (default: today)',
    example: '2019-03-14',
  })
  @IfPresent()
  @IsCalendarDay()
  asOf?: string;
}

export class GroupListQueryDto {
  @ApiPropertyOptional({ description: 'Only bodies of this kind', enum: groupKinds })
  @IfPresent()
  @IsIn(groupKinds, { message: `kind must be one of ${groupKinds.join(', ')}` })
  kind?: GroupKind;

  @ApiPropertyOptional({ description: 'Only bodies at this level', enum: groupLevels })
  @IfPresent()
  @IsIn(groupLevels, { message: `level must be one of ${groupLevels.join(', ')}` })
  level?: GroupLevel;

  @ApiPropertyOptional({ description: 'Page number, from 1', minimum: 1, default: 1 })
  @IfPresent()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  page?: number;

  @ApiPropertyOptional({ description: 'Bodies per page', minimum: 1, maximum: 500, default: 100 })
  @IfPresent()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1 to 500' })
  @Max(500, { message: 'pageSize must be 1 to 500' })
  pageSize?: number;
}

/** Read model: who sat in a body on any day, and the bodies with their size now. May lag the writes slightly. */
@Controller(GROUPS_PATH)
export class GroupCompositionController {
  constructor(private readonly query: GroupCompositionQuery) {}

  @Get()
  @Roles(...READERS)
  @GroupRead(
    "The tenant's bodies",
    'Every body of the tenant (filter by kind and level) with its size today against the seeds’ norm (PGR ~7, ' +
      'PGD 15, RGR ~20: reported, not enforced) and how many meetings it held. From the read model.',
  )
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  async list(@Query() q: GroupListQueryDto, @Ctx() ctx: RequestContext) {
    return this.query.list(
      ctx.tenantId!,
      { kind: q.kind, level: q.level, page: q.page ?? 1, pageSize: q.pageSize ?? 100 },
      todayInPoland(),
    );
  }

  @Get(':groupId/composition')
  @Roles(...READERS)
  @GroupRead(
    'Who sat in a body on a day',
    'The members on `asOf` (default today; the joining and the leaving day both count) with the role each held that ' +
      'day, institution and sector, and the body’s size against the seeds’ norm. Members carry personal data ' +
      '(fullName, email, phone) of professionals; clients are pseudonymous. From the read model.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiOkResponse({ description: 'The body and its members that day' })
  @ApiNotFoundResponse({ description: 'No such group in this tenant' })
  async composition(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Query() q: CompositionQueryDto,
    @Ctx() ctx: RequestContext,
  ) {
    return this.query.compositionAt(ctx.tenantId!, groupId, q.asOf ?? todayInPoland());
  }
}
