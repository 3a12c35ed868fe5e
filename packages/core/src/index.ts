export { createCandor, preopen } from './candor'
export { validateCatalog, fingerprint } from './catalog'
export { CandorError, type CandorErrorCode } from './errors'
export { parseLifetime } from './lifetime'
export { LEVELS } from './record'
export { readSnapshot } from './snapshot'
export { checkValue } from './value'
export type {
  Candor,
  CandorOptions,
  CandorSignals,
  Catalog,
  Explanation,
  ExportedValue,
  HistoryEntry,
  Level,
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
