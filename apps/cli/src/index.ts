export { runCli, VERSION } from './run-cli.js';
export type { CliIo } from './cli-io.js';
export { parseArgs } from './parse-args.js';
export type { Command, RunCommand } from './parse-args.js';
export { EXIT, exitStatusOf } from './exit-status.js';
export { nodeCliIo } from './node-io.js';
