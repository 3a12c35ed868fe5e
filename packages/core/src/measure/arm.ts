// Which page a view shows: each page view draws its arm on the device, one random number kept in
// memory for the view only; the rule below says what the view is, from that and the visitor's choices.
import { CandorError } from '../errors.js'
import type { Arm, GoalDefinition, GoalName, Level } from '../types.js'
import { shown } from '../value.js'

/** A uniform number in [0, 1) from the browser's cryptographic generator: Math.random's next numbers can be told from its last few. */
export const drawView = (): number => {
  const a = new Uint32Array(1)
  crypto.getRandomValues(a)
  return a[0]! / 2 ** 32
}

/** Whether a view with draw `d` is held out when a share `holdout` of views is: `d` below the share. */
export const isHeldOut = (d: number, holdout: number): boolean => d < holdout

/**
 * The arm of a view: `untailored` at level `off`, in the preview (a shared link's arrival included) and
 * with nothing in use; else `holdout` when it is held out, `tailored` when it isn't.
 */
export const armOf = (level: Level, previewing: boolean, held: boolean, inUse: () => boolean): Arm =>
  level == 'off' || previewing || !inUse() ? 'untailored' : held ? 'holdout' : 'tailored'

/** A goal's name: like an option's value. */
export const GOAL_NAME = /^[\w.-]{1,64}$/

/** A catalog goal's name, whether it is given as a name or as `{ name, label }`. */
export const goalName = (g: GoalName | GoalDefinition): GoalName => (g as GoalDefinition).name ?? g

/** Throws a `CandorError` naming the fix for a goal name that isn't one. */
export const checkGoal = (name: unknown): void => {
  if (typeof name != 'string' || !GOAL_NAME.test(name))
    throw new CandorError('invalid-value', `goal(${shown(name)}): a goal's name is 1 to 64 letters, digits, "_", "." or "-", e.g. goal('read')`)
}
