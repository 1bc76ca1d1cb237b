import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from './decorators';
import { Ctx, type RequestContext } from './request-context';
import { ROLES } from './roles';

@ApiTags('identity')
@Controller('api/v1/me')
export class MeController {
  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Who the token says you are: subject, role, tenant, voivodeships' })
  me(@Ctx() ctx: RequestContext) {
    return {
      sub: ctx.actor.sub,
      role: ctx.actor.role,
      tenantId: ctx.tenantId ?? null,
      voivodeships: ctx.voivodeships ?? null,
    };
  }
}
