// Every `bcv` command: its spec (arguments, flags, help) and what runs it. The top-level
// help, the docs test (docs/cli.md) and bin's dispatch all read this one list.
import { runExportCommand, EXPORT_SPEC } from './commands/export';
import { runFetchCommand, FETCH_SPEC } from './commands/fetch';
import { runLibraryCommand, LIBRARY_SPEC } from './commands/library';
import { runReviewCommand, REVIEW_SPEC } from './commands/review';
import { runSandboxCommand, SANDBOX_SPEC } from './commands/sandbox';
import { runStatusCommand, STATUS_SPEC } from './commands/status';
import { runTeamCommand, TEAM_SPEC } from './commands/team';
import type { CliIo } from './io';
import type { CommandSpec, GroupSpec } from './usage';

type Run = (argv: readonly string[], io: CliIo, signal: AbortSignal) => Promise<number>;

export interface CliCommand {
  readonly spec: CommandSpec | GroupSpec;
  readonly run: Run;
}

export const CLI_COMMANDS: readonly CliCommand[] = [
  { spec: STATUS_SPEC, run: (argv, io) => runStatusCommand(argv, io) },
  { spec: FETCH_SPEC, run: runFetchCommand },
  { spec: EXPORT_SPEC, run: (argv, io, signal) => runExportCommand(argv, { ...io, signal }) },
  { spec: LIBRARY_SPEC, run: (argv, io) => runLibraryCommand(argv, io) },
  { spec: REVIEW_SPEC, run: (argv, io) => runReviewCommand(argv, io) },
  { spec: TEAM_SPEC, run: (argv, io) => runTeamCommand(argv, io) },
  { spec: SANDBOX_SPEC, run: runSandboxCommand },
];

export function isGroup(spec: CommandSpec | GroupSpec): spec is GroupSpec {
  return 'subcommands' in spec;
}
