// What `candor --help` says: the commands, their arguments and options, and the exit codes.

/** The help of the whole tool. */
export const HELP = `candor: checks a Candor catalog and the data-candor-* attributes of your pages against it.

Usage:
  candor check [catalog] [pages...] [--uses <glob>]... [--json]
  candor init [dir] [--force]
  candor --help | --version

candor check [catalog] [pages...]
  Checks the catalog (default: candor.json) by the rules candor.js applies, each problem by its path, in the
  words the browser's console uses. Then every data-candor-* attribute in the pages: a signal the catalog
  doesn't declare, or an option the signal doesn't have, by file:line:column, with "did you mean". Pages are
  files or globs (quote them: 'site/**/*.html') of .html .htm .jsx .tsx .vue .astro .njk .liquid .svelte.
  A value the template computes (data-candor-rank={x}, :data-candor-rank="x", {{ }} or {% %} in it) is
  skipped with a note. A signal no page names is a warning.
    --uses <glob>   code that reads signals by name, e.g. candor.get('topics') or usePreference('topics'):
                    a signal written there as a string counts as used (repeat for more globs)
    --json          the report as JSON
  Exit code: 1 when there are errors (a catalog problem, an undeclared signal or option, a pattern that
  matches no file), 0 otherwise (warnings alone don't fail), 2 for a mistake in the command itself.

candor init [dir]
  Writes a starter candor.json into dir (default: here), with three signals to make your own, and says
  which files to serve and the script tag to add. An existing candor.json is left alone unless --force.
    --force         overwrite an existing candor.json
`
