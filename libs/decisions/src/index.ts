export * from './contracts';
export * from './decision/decision.events';
export * from './decision/decision.commands';
export { decisionEventCatalogue } from './decision/decision.catalogue';
export { decisionDecider } from './decision/decision.decider';
export type { DecisionState } from './decision/decision.state';
export {
  derivedDecisionId,
  type DecisionCommandOptions,
  type DecisionCommandResult,
} from './shared/run-decision-command';
export * from './propose-decision/propose-decision.handler';
export * from './adopt-decision/adopt-decision.handler';
export * from './reject-decision/reject-decision.handler';
export * from './amend-decision/amend-decision.handler';
export * from './revoke-decision/revoke-decision.handler';
export * from './correct-decision-record/correct-decision-record.handler';
export { decisionsIntegrationMappers } from './contracts/integration/mapper';
export { DecisionsModule, DECISIONS_PROJECT_PERIODS, type DecisionsModuleOptions } from './decisions.module';
export { decisionsLogProjection, DECISIONS_LOG_TABLES } from './decisions-log/decisions-log.projection';
export * from './decisions-log/decisions-log.entity';
export * from './decisions-log/decisions-log.query';
export { DecisionRecord, type DecisionHistoryEntry } from './get-decision/decision-record';
