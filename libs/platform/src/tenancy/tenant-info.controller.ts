import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { TENANT_ROLES } from '../auth/roles';
import type { TenantDirectory } from '../domain/tenant-directory';
import { TENANT_DIRECTORY } from './tokens';

/** A tenant's own users read what the platform knows of their macroregion. */
@ApiTags('tenants')
@Controller('api/v1/tenants/:tenantId')
export class TenantInfoController {
  constructor(@Inject(TENANT_DIRECTORY) private readonly directory: TenantDirectory) {}

  @Get()
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Your tenant: names, municipality type, voivodeships' })
  async get(@Param('tenantId') tenantId: string) {
    const tenant = await this.directory.get(tenantId);
    if (!tenant) throw new NotFoundException();
    return tenant;
  }
}
