export { createCandor, preopen } from './candor'
export { validateCatalog, fingerprint } from './catalog'
export { CandorError, type CandorErrorCode } from './errors'
export { parseLifetime } from './lifetime'
export { LEVELS } from './record'
export { readSnapshot, snapshotHoldout } from './snapshot'
export { estimate, type Estimate, type GoalEstimate, type RateEstimate } from './measure/estimate'
export type { Interval } from './measure/interval'
export { keepProbability } from './measure/response'
export type { Verdict } from './measure/verdict'
export { REPORT_EVENT, type CandorReport } from './measure/report'
export { checkValue } from './value'
export { candorStore, type Readable } from './candor-store.js'
export type {
  Arm,
  ArmResult,
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
  MeasureSettings,
  Measurement,
  Orphan,
  PreferencesExport,
  Problem,
  ReadOptions,
  SetOptions,
  SignalDefinition,
  SignalOption,
  SignalState,
  SignalType,
  StorageReason,
  StorageStatus,
  UsageEntry,
  UsageLedger,
  Value,
} from './types'
