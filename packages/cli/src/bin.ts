#!/usr/bin/env node
// The `candor` command.
import { processIo } from './io.js'
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2), processIo())
