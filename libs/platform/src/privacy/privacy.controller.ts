import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandCtx } from '../auth/request-context';
import type { CommandContext } from '../domain/command-runner';
import { Roles } from '../auth/decorators';
import { ValidationFailedException } from '../http/validation';
import { PersonalDataService, type ErasureReceipt, type SubjectExport } from './personal-data.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function subjectIdOf(value: string): string {
  if (!UUID.test(value)) {
    throw new ValidationFailedException([
      { field: 'subjectId', reason: 'subjectId must be the pseudonymous id (UUID) of a person, e.g. a personId' },
    ]);
  }
  return value.toLowerCase();
}

/** Data subjects' rights (RODO art. 15 and 17), for the tenant's admin only. */
@ApiTags('privacy')
@Controller('api/v1/tenants/:tenantId/privacy/subjects/:subjectId')
export class PrivacyController {
  constructor(@Inject(PersonalDataService) private readonly service: PersonalDataService) {}

  @Get()
  @Roles('tenant-admin')
  @ApiParam({ name: 'subjectId', description: "The person's pseudonymous id (a group member's personId)" })
  @ApiOperation({
    summary: 'Access: everything the platform holds about a data subject, as JSON',
    description:
      'Every event of the tenant mentioning the subject, personal fields opened (or shown as erased), and the ' +
      "state of the subject's key. 404 when nothing is held.",
  })
  export(@Param('tenantId') tenantId: string, @Param('subjectId') subjectId: string): Promise<SubjectExport> {
    return this.service.export(tenantId, subjectIdOf(subjectId));
  }

  @Post('erasure')
  @HttpCode(201)
  @Roles('tenant-admin')
  @ApiParam({ name: 'subjectId', description: "The person's pseudonymous id (a group member's personId)" })
  @ApiOperation({
    summary: "Erasure: destroy the subject's key and anonymise them everywhere; returns a receipt",
    description:
      'Idempotent (also with an Idempotency-Key): erasing again returns the original receipt with erasedNow: false. ' +
      'History is not rewritten: events keep their ciphertext, which can no longer be opened. 404 when nothing is held.',
  })
  erase(@Param('subjectId') subjectId: string, @CommandCtx() ctx: CommandContext): Promise<ErasureReceipt> {
    return this.service.erase(ctx, subjectIdOf(subjectId));
  }
}
