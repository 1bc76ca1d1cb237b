import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { Roles } from '../auth/decorators';
import { Ctx, type RequestContext } from '../auth/request-context';
import type { MunicipalityType } from '../domain/tenant-directory';
import { PostgresTenantDirectory } from './tenant-directory.postgres';
import { TenantLifecycle } from './tenant-lifecycle';
import { TENANCY_OPTIONS, type TenancyOptions } from './tokens';

export class OnboardTenantDto {
  @ApiProperty({ example: 'mr4' })
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'id: a lower-case letter, then letters, digits or dashes (max 32)' })
  id!: string;

  @ApiProperty({ example: 'Makroregion IV' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Macroregion IV' })
  @IsString()
  @Length(1, 200)
  nameEn!: string;

  @ApiProperty({ enum: ['rural', 'urban-rural', 'urban'] })
  @IsIn(['rural', 'urban-rural', 'urban'])
  municipalityType!: MunicipalityType;

  @ApiProperty({ example: ['dolnośląskie'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(16)
  @IsString({ each: true })
  voivodeships!: string[];
}

export class OffboardTenantDto {
  @ApiPropertyOptional({ description: 'true: report what would be exported and deleted, change nothing' })
  @IsBoolean()
  dryRun!: boolean;
}

/** Tenant onboarding and offboarding for the platform operator (no business data). */
@ApiTags('platform')
@Controller('api/v1/platform/tenants')
@Roles('platform-operator')
export class PlatformTenantsController {
  constructor(
    private readonly directory: PostgresTenantDirectory,
    private readonly lifecycle: TenantLifecycle,
    @Inject(TENANCY_OPTIONS) private readonly options: TenancyOptions,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every tenant, active or offboarded' })
  async list() {
    return { items: await this.directory.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Onboard a tenant (a new macroregion); its users then come from the identity provider' })
  onboard(@Body() dto: OnboardTenantDto, @Ctx() ctx: RequestContext) {
    return this.lifecycle.onboard(dto, ctx.actor);
  }

  @Post(':id/offboard')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Offboard a tenant: export its events (JSON Lines), then delete its events and read-model rows',
  })
  async offboard(@Param('id') id: string, @Body() dto: OffboardTenantDto, @Ctx() ctx: RequestContext) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(id)) throw new NotFoundException();
    return this.lifecycle.offboard(id, { dryRun: dto.dryRun, exportDir: this.options.exportDir, actor: ctx.actor });
  }
}
