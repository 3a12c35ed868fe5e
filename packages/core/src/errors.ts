/** What went wrong, as a stable code a site can branch on. */
export type CandorErrorCode = 'catalog-invalid' | 'undeclared-signal' | 'invalid-value' | 'not-inferred' | 'import-invalid' | 'newer-data' | 'transfer-invalid'

/**
 * The only error Candor throws or rejects with. `problems` lists every fault by path.
 * @example try { createCandor({ catalog }) } catch (e) { if (e instanceof CandorError) console.error(e.problems) }
 */
export class CandorError extends Error {
  override name = 'CandorError'
  constructor(
    readonly code: CandorErrorCode,
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message)
  }
}

/** Throws one error that lists every problem, or returns when there is none. */
export const fail = (code: CandorErrorCode, what: string, problems: string[]): void => {
  if (problems.length) throw new CandorError(code, what + ':\n  ' + problems.join('\n  '), problems)
}

/** A value refused, said by the call and the signal: `set("topics"): the value …`, listed as `topics: …`. */
export const invalid = (call: string, id: string, why: string) => new CandorError('invalid-value', `${call}("${id}"): the value ${why}`, [`${id}: ${why}`])
