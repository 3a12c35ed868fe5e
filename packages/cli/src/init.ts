// `candor init`: a starter catalog, and what to do with it — the files to serve, the script tag, a first attribute.
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { shownPath } from './files.js'
import type { Io } from './io.js'
import { siteName, starterCatalog } from './starter.js'

/** What to do next, for a catalog written at `shown` in the folder `folder` (as the user names them). */
const nextSteps = (shown: string, folder: string, site: string) => {
  const into = folder == '.' ? 'candor' : `${folder}/candor`
  const pages = folder == '.' ? '**/*.html' : `${folder}/**/*.html`
  return [
    `Wrote ${shown}: site "${site}", with three signals to make your own (topics, region, compact). Their labels and purposes are what visitors read.`,
    '',
    'Next:',
    `1. Serve candor.js and the files it loads from next to itself: copy the dist/ folder of @candor/dropin to ${into}/`,
    `     npm pack @candor/dropin && tar xzf candor-dropin-*.tgz && cp -r package/dist ${into}`,
    `   (it holds candor.schema.json too, which ${shown} names as its $schema, for your editor)`,
    `2. Put this in the <head> of every page${folder == '.' ? '' : ` (with ${folder}/ served as your site's root)`}, without defer:`,
    '     <link rel="preload" href="/candor.json" as="fetch" crossorigin>',
    '     <script src="/candor/candor.js" data-catalog="/candor.json"></script>',
    '   (the preload starts fetching the catalog as the page is parsed: a first visit is tailored sooner)',
    '3. Mark what tailoring may change:',
    '     <section data-candor-show="topics:sports">Sports first, because you follow it.</section>',
    '     <p data-candor-show="region:north">Events up north this week.</p>',
    '     <button data-candor-declare="compact">Compact layout</button>',
    '     <button data-candor-open>Your preferences</button>',
    '4. Check your pages against the catalog:',
    `     npx @candor/cli check ${shown} '${pages}'`,
  ].join('\n')
}

/** Writes a starter `candor.json` into `folder` (made if missing); refuses to overwrite one unless `force`. Its exit code. */
export const init = async (folder: string, force: boolean, io: Io): Promise<number> => {
  const dir = resolve(io.cwd, folder)
  const path = join(dir, 'candor.json')
  const shown = shownPath(path, io.cwd)
  const site = siteName(basename(dir))
  await mkdir(dir, { recursive: true })
  try {
    await writeFile(path, JSON.stringify(starterCatalog(site), null, 2) + '\n', { flag: force ? 'w' : 'wx' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code != 'EEXIST') throw e
    io.err(`candor init: ${shown} exists already, so it was left as it is: pass --force to overwrite it`)
    return 1
  }
  io.out(nextSteps(shown, shownPath(dir, io.cwd), site))
  return 0
}
