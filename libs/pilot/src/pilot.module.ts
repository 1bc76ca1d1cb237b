import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import {
  CommandRunner,
  EVENT_STORE,
  TENANT_DIRECTORY,
  type EntityClass,
  type EventStore,
  type ProjectPeriodLookup,
  type Projection,
  type TenantDirectory,
} from '@kooperacja/platform';
import { AgreeIndividualPlanHandler } from './agree-individual-plan/agree-individual-plan.handler';
import { AgreeIndividualPlanController } from './agree-individual-plan/agree-individual-plan.http';
import { PilotCaseRow } from './cases-and-plans/cases-and-plans.entity';
import { CasesAndPlansController } from './cases-and-plans/cases-and-plans.http';
import { casesAndPlansProjection } from './cases-and-plans/cases-and-plans.projection';
import { CasesAndPlansQuery } from './cases-and-plans/cases-and-plans.query';
import { CloseCaseHandler } from './close-case/close-case.handler';
import { CloseCaseController } from './close-case/close-case.http';
import { CompleteDiagnosisHandler } from './complete-diagnosis/complete-diagnosis.handler';
import { CompleteDiagnosisController } from './complete-diagnosis/complete-diagnosis.http';
import { CompletePlanHandler } from './complete-plan/complete-plan.handler';
import { CompletePlanController } from './complete-plan/complete-plan.http';
import { CorrectCaseFactHandler } from './correct-case-fact/correct-case-fact.handler';
import { CorrectCaseFactController } from './correct-case-fact/correct-case-fact.http';
import { EnrolCaseHandler } from './enrol-case/enrol-case.handler';
import { EnrolCaseController } from './enrol-case/enrol-case.http';
import { ReadCaseController } from './read-case/read-case.http';
import { ReadSiteController } from './read-site/read-site.http';
import { RecordCaseTeamMeetingHandler } from './record-case-team-meeting/record-case-team-meeting.handler';
import { RecordCaseTeamMeetingController } from './record-case-team-meeting/record-case-team-meeting.http';
import { RecordCoachingSessionHandler } from './record-coaching-session/record-coaching-session.handler';
import { RecordCoachingSessionController } from './record-coaching-session/record-coaching-session.http';
import { RecordSupervisionSessionHandler } from './record-supervision-session/record-supervision-session.handler';
import { RecordSupervisionSessionController } from './record-supervision-session/record-supervision-session.http';
import { RecordSupportDeliveryHandler } from './record-support-delivery/record-support-delivery.handler';
import { RecordSupportDeliveryController } from './record-support-delivery/record-support-delivery.http';
import { RecordTrainingHandler } from './record-training/record-training.handler';
import { RecordTrainingController } from './record-training/record-training.http';
import { ReportPilotOutcomeHandler } from './report-pilot-outcome/report-pilot-outcome.handler';
import { ReportPilotOutcomeController } from './report-pilot-outcome/report-pilot-outcome.http';
import { ReviewPlanHandler } from './review-plan/review-plan.handler';
import { ReviewPlanController } from './review-plan/review-plan.http';
import { PilotSiteProgressRow } from './site-progress/site-progress.entity';
import { SiteProgressController } from './site-progress/site-progress.http';
import { siteProgressProjection } from './site-progress/site-progress.projection';
import { SiteProgressQuery } from './site-progress/site-progress.query';

/** DI token of the project period lookup the pilot's facts are checked against. */
export const PILOT_PROJECT_PERIODS = Symbol('PILOT_PROJECT_PERIODS');

export interface PilotModuleOptions {
  /**
   * The project period of a tenant (after amendments), from the programme context. The
   * composition root passes it in, so the pilot depends on the port, not on programme.
   */
  readonly projectPeriods: (store: EventStore) => ProjectPeriodLookup;
}

/** Read-model projections of the pilot context (for the projector and rebuilds). */
export const pilotProjections: readonly Projection[] = [casesAndPlansProjection, siteProgressProjection];

/** TypeORM entities over the pilot's reader views (for the API's read-model data source). */
export const pilotReadModelEntities: readonly EntityClass[] = [PilotCaseRow, PilotSiteProgressRow];

type CaseHandlerClass = new (runner: CommandRunner, periods: ProjectPeriodLookup) => unknown;
type SiteHandlerClass = new (runner: CommandRunner, periods: ProjectPeriodLookup, tenants: TenantDirectory) => unknown;

const caseHandlers: CaseHandlerClass[] = [
  CompleteDiagnosisHandler,
  AgreeIndividualPlanHandler,
  RecordCaseTeamMeetingHandler,
  RecordSupportDeliveryHandler,
  ReviewPlanHandler,
  CompletePlanHandler,
  CloseCaseHandler,
  CorrectCaseFactHandler,
];
const handlersWithTenants: SiteHandlerClass[] = [
  EnrolCaseHandler,
  RecordCoachingSessionHandler,
  RecordSupervisionSessionHandler,
  RecordTrainingHandler,
  ReportPilotOutcomeHandler,
];

const handlerProviders: Provider[] = [
  ...caseHandlers.map((Handler): Provider => ({
    provide: Handler,
    inject: [CommandRunner, PILOT_PROJECT_PERIODS],
    useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup) => new Handler(runner, periods),
  })),
  ...handlersWithTenants.map((Handler): Provider => ({
    provide: Handler,
    inject: [CommandRunner, PILOT_PROJECT_PERIODS, TENANT_DIRECTORY],
    useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup, tenants: TenantDirectory) =>
      new Handler(runner, periods, tenants),
  })),
  CasesAndPlansQuery,
  SiteProgressQuery,
];

const controllers = [
  CasesAndPlansController,
  SiteProgressController,
  EnrolCaseController,
  CompleteDiagnosisController,
  AgreeIndividualPlanController,
  RecordCaseTeamMeetingController,
  RecordSupportDeliveryController,
  ReviewPlanController,
  CompletePlanController,
  CloseCaseController,
  CorrectCaseFactController,
  RecordCoachingSessionController,
  RecordSupervisionSessionController,
  RecordTrainingController,
  ReportPilotOutcomeController,
  ReadCaseController,
  ReadSiteController,
];

/**
 * The pilot context over HTTP: a controller per use case under
 * `/api/v1/tenants/:tenantId/pilot/`, the write side's reads of a case or a site, and the two
 * read models. Needs the platform's DatabaseModule, HttpPlatformModule (tenancy, auth) and
 * ReadModelsModule (with {@link pilotReadModelEntities}).
 */
@Module({})
export class PilotModule {
  static forRoot(options: PilotModuleOptions): DynamicModule {
    return {
      module: PilotModule,
      controllers,
      providers: [
        { provide: PILOT_PROJECT_PERIODS, inject: [EVENT_STORE], useFactory: options.projectPeriods },
        ...handlerProviders,
      ],
    };
  }
}
