// The README's example output is what the check prints on the fixtures, so it can't drift from the code.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { candor, fixture } from './run.js'

it('the README’s example is a real run on test/fixtures/mistakes', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const [, command, output] = /```console\n\$ npx @candor\/cli (.+)\n([\s\S]*?)```/.exec(readme)!
  const r = await candor(fixture('mistakes'), ...command!.split(' '))
  expect(r.out.join('\n') + '\n').toBe(output)
})
