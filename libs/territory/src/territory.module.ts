import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import {
  CommandRunner,
  EVENT_STORE,
  READ_MODELS,
  TENANT_DIRECTORY,
  type EventStore,
  type ProjectPeriodLookup,
  type TenantDirectory,
} from '@kooperacja/platform';
import type { DataSource } from 'typeorm';
import { DeclareParticipationHandler } from './declare-participation/declare-participation.handler';
import { DeclareParticipationController } from './declare-participation/declare-participation.http';
import { InviteMunicipalityHandler } from './invite-municipality/invite-municipality.handler';
import { InviteMunicipalityController } from './invite-municipality/invite-municipality.http';
import { InvitePowiatHandler } from './invite-powiat/invite-powiat.handler';
import { InvitePowiatController } from './invite-powiat/invite-powiat.http';
import { MunicipalitiesAndAgreementsController } from './municipalities-and-agreements/municipalities-and-agreements.http';
import { MunicipalitiesQuery } from './municipalities-and-agreements/municipalities-and-agreements.query';
import { ReadMunicipalityController } from './read-municipality/read-municipality.http';
import { ReadPowiatController } from './read-powiat/read-powiat.http';
import { RecruitPilotSiteHandler } from './recruit-pilot-site/recruit-pilot-site.handler';
import { RecruitPilotSiteController } from './recruit-pilot-site/recruit-pilot-site.http';
import { SignCooperationAgreementHandler } from './sign-cooperation-agreement/sign-cooperation-agreement.handler';
import { SignCooperationAgreementController } from './sign-cooperation-agreement/sign-cooperation-agreement.http';
import { SignPowiatAgreementHandler } from './sign-powiat-agreement/sign-powiat-agreement.handler';
import { SignPowiatAgreementController } from './sign-powiat-agreement/sign-powiat-agreement.http';
import { WithdrawMunicipalityHandler } from './withdraw-municipality/withdraw-municipality.handler';
import { WithdrawMunicipalityController } from './withdraw-municipality/withdraw-municipality.http';

/** DI token of the project period lookup the territory handlers check dates against. */
export const TERRITORY_PROJECT_PERIODS = Symbol('TERRITORY_PROJECT_PERIODS');

export interface TerritoryModuleOptions {
  /**
   * The project period of a tenant, from the programme context. Territory cannot import programme
   * (programme depends on territory), so the composition root passes it in.
   */
  readonly projectPeriods: (store: EventStore) => ProjectPeriodLookup;
}

type PeriodHandler = new (runner: CommandRunner, periods: ProjectPeriodLookup) => unknown;
type InviteHandler = new (runner: CommandRunner, periods: ProjectPeriodLookup, tenants: TenantDirectory) => unknown;

const withPeriods = (handler: PeriodHandler): Provider => ({
  provide: handler,
  inject: [CommandRunner, TERRITORY_PROJECT_PERIODS],
  useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup) => new handler(runner, periods),
});

const withPeriodsAndTenants = (handler: InviteHandler): Provider => ({
  provide: handler,
  inject: [CommandRunner, TERRITORY_PROJECT_PERIODS, TENANT_DIRECTORY],
  useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup, tenants: TenantDirectory) =>
    new handler(runner, periods, tenants),
});

/**
 * The territory context over HTTP: one controller per command under
 * `/api/v1/tenants/:tenantId/territory`, the write side's reads of a gmina or powiat, and the
 * "municipalities and their agreements" read model. Needs the platform's DatabaseModule,
 * TenancyModule (tenant directory) and ReadModelsModule.
 */
@Module({})
export class TerritoryModule {
  static forRoot(options: TerritoryModuleOptions): DynamicModule {
    return {
      module: TerritoryModule,
      controllers: [
        InviteMunicipalityController,
        DeclareParticipationController,
        SignCooperationAgreementController,
        WithdrawMunicipalityController,
        RecruitPilotSiteController,
        InvitePowiatController,
        SignPowiatAgreementController,
        ReadMunicipalityController,
        ReadPowiatController,
        MunicipalitiesAndAgreementsController,
      ],
      providers: [
        { provide: TERRITORY_PROJECT_PERIODS, inject: [EVENT_STORE], useFactory: options.projectPeriods },
        withPeriodsAndTenants(InviteMunicipalityHandler),
        withPeriods(DeclareParticipationHandler),
        withPeriods(SignCooperationAgreementHandler),
        withPeriods(WithdrawMunicipalityHandler),
        withPeriods(RecruitPilotSiteHandler),
        withPeriodsAndTenants(InvitePowiatHandler),
        withPeriods(SignPowiatAgreementHandler),
        {
          provide: MunicipalitiesQuery,
          inject: [READ_MODELS],
          useFactory: (dataSource: DataSource) => new MunicipalitiesQuery(dataSource),
        },
      ],
    };
  }
}
