// Public API of the pilot context: the Nest module, handlers, read models, the event catalogues
// for projections, and the contracts other contexts may read.
export * from './contracts';

export { caseEventCatalogue, caseEventDefinitions } from './case/case.catalogue';
export { siteEventCatalogue, siteEventDefinitions } from './site/site.catalogue';
export { pilotEventCatalogue, type PilotEvent } from './pilot.catalogue';
export type * from './case/case.events';
export type * from './site/site.events';
export {
  caseDecider,
  type CaseState,
  type EnrolledCase,
  type PlanState,
  type PlanGoalInput,
} from './case/case.decider';
export { siteDecider, type SiteState, type RegisteredSite } from './site/site.decider';
export type { CaseCommandResult, CaseInput } from './case/case-command';
export type { SiteCommandResult, SiteInput } from './site/site-command';

export * from './enrol-case/enrol-case.handler';
export * from './complete-diagnosis/complete-diagnosis.handler';
export * from './agree-individual-plan/agree-individual-plan.handler';
export * from './record-case-team-meeting/record-case-team-meeting.handler';
export * from './record-support-delivery/record-support-delivery.handler';
export * from './review-plan/review-plan.handler';
export * from './complete-plan/complete-plan.handler';
export * from './close-case/close-case.handler';
export * from './correct-case-fact/correct-case-fact.handler';
export * from './record-coaching-session/record-coaching-session.handler';
export * from './record-supervision-session/record-supervision-session.handler';
export * from './record-training/record-training.handler';
export * from './report-pilot-outcome/report-pilot-outcome.handler';

export {
  PilotModule,
  PILOT_PROJECT_PERIODS,
  pilotProjections,
  pilotReadModelEntities,
  type PilotModuleOptions,
} from './pilot.module';
export { casesAndPlansProjection } from './cases-and-plans/cases-and-plans.projection';
export { PilotCaseRow } from './cases-and-plans/cases-and-plans.entity';
export { CasesAndPlansQuery, type CaseListFilter, type CaseListPage } from './cases-and-plans/cases-and-plans.query';
export { siteProgressProjection } from './site-progress/site-progress.projection';
export { PilotSiteProgressRow } from './site-progress/site-progress.entity';
export { SiteProgressQuery, type SiteProgress } from './site-progress/site-progress.query';
export { pilotIntegrationMappers } from './contracts/integration/mapper';
