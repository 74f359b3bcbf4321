#!/usr/bin/env node
// Entry point of the `rvhv` command (`pnpm rvhv <args>` from the repository root).
import { nodeCliIo } from './node-io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), nodeCliIo());
