// The visitor's local history of changes: the last HISTORY_MAX entries, newest last.
import { isObject, isTime, isValue } from './guards.js'
import type { HistoryEntry } from './types.js'

/** How many changes the local history keeps. */
export const HISTORY_MAX = 200

const ACTIONS: readonly string[] = ['set', 'off', 'on', 'forget', 'renew', 'confirm', 'level', 'import', 'expired', 'transfer']

/** The history, keeping only well-formed entries (a corrupt entry must not cost the rest). */
export const parseHistory = (x: unknown): HistoryEntry[] =>
  Array.isArray(x)
    ? x
        .filter(
          (e) =>
            isObject(e) &&
            isTime(e.at) &&
            ACTIONS.includes(e.action as string) &&
            (e.id === undefined || typeof e.id == 'string') &&
            (e.value === undefined || isValue(e.value)) &&
            (e.page === undefined || typeof e.page == 'string'),
        )
        .slice(-HISTORY_MAX)
        .map((e) => ({ ...e }) as HistoryEntry)
    : []

/** `list` with `entries` added, cut to the last HISTORY_MAX. */
export const appended = (list: readonly HistoryEntry[], ...entries: HistoryEntry[]): HistoryEntry[] => list.concat(entries).slice(-HISTORY_MAX)

/** Appends to the stored history, leaving a history in a shape we don't know alone. */
export const appendStored = (stored: unknown, ...entries: HistoryEntry[]): unknown =>
  stored === undefined || Array.isArray(stored) ? appended(parseHistory(stored), ...entries) : stored
