import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsPseudonymousId, IsTeryt } from './validators';

const TENANT = { description: "The caller's tenant (macroregion); any other answers 404", example: 'mr1' };

export class TenantParams {
  @ApiProperty(TENANT)
  @IsString()
  tenantId!: string;
}

export class CaseParams extends TenantParams {
  @ApiProperty({
    description:
      'Pseudonymous case id: a uuid or a code like mr1-KAR-0042. Anything that looks like a name or a PESEL is refused (400).',
    example: 'mr1-KAR-0042',
  })
  @IsPseudonymousId('case')
  caseId!: string;
}

export class SiteParams extends TenantParams {
  @ApiProperty({
    description: 'TERYT code of the pilot site: a gmina (7 digits) or a powiat (4 digits)',
    example: '1805052',
  })
  @IsTeryt()
  teryt!: string;
}
