export { createCandor, defineCatalog, preopen } from './candor.js'
export { validateCatalog, fingerprint } from './catalog.js'
export { CandorError, type CandorErrorCode } from './errors.js'
export { parseLifetime } from './lifetime.js'
export { LEVELS } from './record.js'
export { readSnapshot, snapshotHoldout } from './snapshot.js'
export { estimate, type Estimate, type GoalEstimate, type RateEstimate } from './measure/estimate.js'
export type { Interval } from './measure/interval.js'
export { keepProbability } from './measure/response.js'
export type { Verdict } from './measure/verdict.js'
export { REPORT_EVENT, type CandorReport } from './measure/report.js'
export { checkValue } from './value.js'
export { candorStore, type Readable } from './candor-store.js'
export type {
  AnyCandor,
  Arm,
  ArmResult,
  BooleanSignal,
  Candor,
  CandorOptions,
  CandorSignals,
  Catalog,
  Explanation,
  ExportedMeasure,
  ExportedValue,
  GoalName,
  GoalResult,
  HistoryEntry,
  Level,
  ListedSignal,
  MeasureSettings,
  Measurement,
  OptionOf,
  Orphan,
  PreferencesExport,
  Problem,
  ReadOptions,
  SetOptions,
  SignalBase,
  SignalDefinition,
  SignalId,
  SignalOf,
  SignalOption,
  SignalState,
  SignalType,
  SignalValue,
  TransferProposal,
  StorageReason,
  StorageStatus,
  UsageEntry,
  UsageLedger,
  Value,
  ValueOf,
} from './types.js'
