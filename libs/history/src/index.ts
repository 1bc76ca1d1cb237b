// Public API of the history library: the history file format and its importer (through the
// contexts' handlers), the synthetic pilot (facts, and the fast path for benchmarks), and the
// demo data `npm start` loads. See docs/history.md.
export type { FactMetadataValue, HistoryFact, HistoryFile } from './history-file/history-fact';
export { RESERVED_METADATA_KEYS } from './history-file/history-fact';
export { historySchema } from './history-file/history.schema';
export { HistoryFileError, parseHistoryFile } from './history-file/parse-history-file';
export { batchCorrelationId, commandIdFor, eventIdOfFact, namedId, resolveReferences } from './history-file/ids';
export {
  HISTORY_COMMAND_NAMES,
  HISTORY_COMMANDS,
  isHistoryCommand,
  type HistoryCommandName,
  type HistoryPorts,
} from './import/history-commands';
export {
  HISTORY_IMPORT_ACTOR_SUB,
  HistoryImporter,
  addReports,
  contextOfFact,
  emptyReport,
  type FactOutcome,
  type FactResult,
  type HistoryChunk,
  type HistoryImporterPorts,
  type ImportOptions,
  type ImportReport,
  type Refusal,
} from './import/history-importer';
export {
  MODELS,
  modelTenantDirectory,
  type ModelId,
  type ModelProfile,
  type SyntheticTenant,
} from './synthetic/models';
export {
  DEFAULT_SYNTHETIC_PARAMS,
  layoutOf,
  syntheticBatch,
  syntheticParams,
  syntheticPilot,
  syntheticTenants,
  type SyntheticPilotParams,
} from './synthetic/synthetic-pilot';
export {
  generateEvents,
  loadSyntheticPilotFast,
  type FastLoadOptions,
  type FastLoadReport,
  type FastPathOptions,
} from './synthetic/fast-path';
export { InMemoryEventStore, type StreamBatch } from './synthetic/in-memory-event-store';
export { historyDataDir, readHistoryFile, readSeedHistory, SEED_HISTORY_FILES } from './demo/seed-history';
export { loadDemoData, type DemoDataDeps, type DemoDataOptions, type DemoDataReport } from './demo/load-demo-data';
