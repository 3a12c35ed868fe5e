// Generates packages/core/catalog.schema.json from the Catalog type, so editors can check a
// catalog file. `node scripts/schema.mjs --check` fails when the committed schema is stale.
import { createGenerator } from 'ts-json-schema-generator'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = root + 'packages/core/catalog.schema.json'

export const generate = () => {
  const schema = createGenerator({
    path: root + 'packages/core/src/types.ts',
    tsconfig: root + 'packages/core/tsconfig.json',
    type: 'Catalog',
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('Catalog')
  schema.title = 'Candor catalog'
  schema.description = 'The signals a site may read to tailor its pages, each with its purpose.'
  return JSON.stringify(schema, null, 2) + '\n'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generate()
  if (process.argv.includes('--check')) {
    const current = await readFile(out, 'utf8').catch(() => '')
    if (current !== text) {
      console.error(`${out} is out of date: run node scripts/schema.mjs`)
      process.exit(1)
    }
    console.log('catalog.schema.json is up to date')
  } else {
    await writeFile(out, text)
    console.log('wrote', out)
  }
}
