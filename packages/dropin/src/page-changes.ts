// What tailoring changed on the page now, for the panel's "What tailoring changed here": read from the states
// candor.js set on the page's elements. It comes with the panel's files, which are the only ones to ask.
import { BASELINE, DEMOTE, RANK, SHOW, STATE } from './names.js'

/** What tailoring changed on the page now: gated parts shown for the visitor, containers reordered, baseline parts hidden. */
export const pageChanges = () => ({
  shown: document.querySelectorAll(`[${SHOW}][${STATE}=on]`).length,
  reordered: document.querySelectorAll(`[${RANK}][${STATE}=on],[${DEMOTE}][${STATE}=on]`).length,
  hidden: document.querySelectorAll(`[${BASELINE}][${STATE}=off]`).length,
})
