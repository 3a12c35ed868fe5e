// The words of the two transfer dialogs (a link for another device, and the question on the device that opens it), in
// English. They load with the dialogs, so the panel and every other view carry none of them; each other language has
// its own in its locale (locales/<lang>.ts, `transfer`), which the panel hands the dialogs.

export const transferEn = {
  // Shown on the first device.
  carries_one: 'Your {count} preference for this site. Anyone with this code or link can see it.',
  carries_other: 'Your {count} preferences for this site. Anyone with this code or link can see them.',
  none: 'You have told this site nothing yet: there is nothing to carry.',
  scan: 'Scan the code with your other device’s camera, or send yourself the link. It works for {minutes} minutes.',
  tooDense: 'Too many preferences for a code a phone can read: send yourself the link instead. It works for {minutes} minutes.',
  code: 'QR code of the link',
  link: 'Link',
  copy: 'Copy link',
  copied: 'Link copied.',
  done: 'Done',
  // Shown on the device that opens the link.
  ask: 'Use the preferences from your other device?',
  made: 'Made {when} on your other device. Nothing changes here unless you say so.',
  same: 'This device already uses the same preferences.',
  replaces: 'instead of {value}',
  levelKept: 'Your browser asks sites not to guess (Global Privacy Control): this device keeps using only what you told it.',
  removed_one: '{count} preference is no longer offered here: skipped.',
  removed_other: '{count} preferences are no longer offered here: skipped.',
  changed: '{label} means something else here now: skipped.',
  use: 'Use them',
  no: 'No thanks',
  used: 'Your preferences from your other device are in use.',
  // Why a link can't be used, by the field at fault.
  refused: 'This link can’t be used',
  fragment: 'It is damaged or incomplete: copy the whole link, or scan the code again.',
  version: 'It comes from a newer version of Candor: reload this page, then open the link again.',
  site: 'It holds preferences for another site.',
  madeAt: 'It has expired: a link works for {minutes} minutes. Make a new one on your other device.',
  clock: 'It was made later than this device’s clock says it is now: check this device’s date and time.',
  values: 'It names preferences this site doesn’t offer, so nothing was used.',
  failed: 'It couldn’t be read just now: reload this page to try again.',
  close: 'Close',
}

export type TransferWords = typeof transferEn
