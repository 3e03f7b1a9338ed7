// The CLI's one grammar: every command and subcommand is a spec (its arguments, what it
// does, its flags with their help), and every command reads its flags here. So each one
// takes -h/--help, and an unknown, repeated or value-less flag is one `USAGE:` line naming
// it and pointing at the command's --help (exit 2), never Node's parseArgs text.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Thrown when -h/--help is given: bin prints the text on stdout and exits 0. */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
  constructor(readonly text: string) {
    super('help requested');
  }
}

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's placeholder in the help (`FILE`, `DIR`). */
  readonly arg?: string;
  readonly help: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface CommandSpec<F extends FlagSpecs = FlagSpecs> {
  /** `status`, `library export`: what follows `bcv`. */
  readonly name: string;
  /** The positional arguments as the synopsis shows them (`<session-id>`). */
  readonly args: string;
  readonly summary: string;
  readonly flags: F;
  /** Lines after the flags (environment, examples). */
  readonly notes?: string;
}

/** A command with subcommands (`bcv library list`): the flags each one takes. */
export interface GroupSpec<F extends FlagSpecs = FlagSpecs> {
  readonly name: string;
  readonly summary: string;
  /** Every flag of any subcommand, so the values are typed once for the group. */
  readonly flags: F;
  readonly subcommands: readonly SubcommandSpec[];
  /** Flags every subcommand takes, after its own (`bcv team`'s --team). */
  readonly everyCommandTakes?: readonly string[];
  readonly notes?: string;
}

export interface SubcommandSpec {
  readonly name: string;
  readonly args: string;
  readonly summary: string;
  /** The names of the group's flags this one takes. */
  readonly flags: readonly string[];
}

const HELP_FLAG: FlagSpec = { type: 'boolean', short: 'h', help: 'show this help' };

type Values<F extends FlagSpecs> = {
  -readonly [K in keyof F]?: F[K]['type'] extends 'boolean'
    ? F[K]['multiple'] extends true
      ? boolean[]
      : boolean
    : F[K]['multiple'] extends true
      ? string[]
      : string;
};

export interface Parsed<F extends FlagSpecs> {
  readonly values: Values<F>;
  readonly positionals: string[];
}

function flagColumn(name: string, flag: FlagSpec): string {
  const long = `--${name}${flag.type === 'string' ? ` ${flag.arg ?? 'VALUE'}` : ''}`;
  return flag.short ? `-${flag.short}, ${long}` : `    ${long}`;
}

function flagLines(flags: readonly (readonly [string, FlagSpec])[]): string {
  const all = [...flags, ['help', HELP_FLAG] as const];
  const width = Math.max(...all.map(([name, flag]) => flagColumn(name, flag).length)) + 2;
  return all
    .map(([name, flag]) => `  ${flagColumn(name, flag).padEnd(width)}${flag.help}`)
    .join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  return [
    `Usage: bcv ${spec.name}${spec.args ? ` ${spec.args}` : ''} [options]`,
    '',
    spec.summary,
    '',
    'Options:',
    flagLines(Object.entries(spec.flags)),
    ...(spec.notes ? ['', spec.notes] : []),
  ].join('\n');
}

/** The names of the flags `sub` takes: its own, then those every one of the group takes. */
export function subcommandFlags(group: GroupSpec, sub: SubcommandSpec): readonly string[] {
  return [...sub.flags, ...(group.everyCommandTakes ?? [])];
}

function takenFlags(group: GroupSpec, sub: SubcommandSpec): FlagSpecs {
  return Object.fromEntries(subcommandFlags(group, sub).map((name) => [name, group.flags[name]!]));
}

function subcommandHelp(group: GroupSpec, sub: SubcommandSpec): string {
  return commandHelp({
    name: `${group.name} ${sub.name}`,
    args: sub.args,
    summary: `${sub.summary.charAt(0).toUpperCase()}${sub.summary.slice(1)}.`,
    flags: takenFlags(group, sub),
    ...(group.notes ? { notes: group.notes } : {}),
  });
}

export function groupHelp(group: GroupSpec): string {
  const width = Math.max(...group.subcommands.map((s) => s.name.length)) + 2;
  return [
    `Usage: bcv ${group.name} <command> [options]`,
    '',
    group.summary,
    '',
    'Commands:',
    ...group.subcommands.map((s) => `  ${s.name.padEnd(width)}${s.summary}`),
    '',
    `bcv ${group.name} <command> --help shows a command's arguments and options.`,
  ].join('\n');
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function tokensOf(argv: readonly string[], flags: FlagSpecs): Token[] {
  const options = Object.fromEntries(
    Object.entries({ ...flags, help: HELP_FLAG }).map(([name, flag]) => [
      name,
      { type: flag.type, ...(flag.short ? { short: flag.short } : {}), multiple: true },
    ]),
  );
  return parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  }).tokens;
}

/** The flags and positionals `argv` gives `name`, checked against the flags it takes. */
function check(
  name: string,
  tokens: readonly Token[],
  allowed: FlagSpecs,
  known: FlagSpecs,
): Parsed<FlagSpecs> {
  const seeHelp = `(bcv ${name} --help)`;
  const values: Record<string, string | boolean | (string | boolean)[]> = {};
  const positionals: string[] = [];
  const shortNames = new Set(Object.values(known).flatMap((f) => (f.short ? [`-${f.short}`] : [])));
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = allowed[token.name];
    if (!flag) {
      throw new UsageError(
        `bcv ${name} has no flag ${token.rawName} (bcv ${name} --help lists its flags)`,
      );
    }
    let value: string | boolean = true;
    if (flag.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(`${token.rawName} takes no value ${seeHelp}`);
    } else {
      const given = token.value;
      const looksLikeFlag =
        given !== undefined &&
        !token.inlineValue &&
        (given.startsWith('--') || shortNames.has(given) || given === '-h');
      if (given === undefined || looksLikeFlag)
        throw new UsageError(`${token.rawName} needs a value ${seeHelp}`);
      value = given;
    }
    if (flag.multiple) {
      const list = values[token.name];
      values[token.name] = [...(Array.isArray(list) ? list : []), value];
    } else if (token.name in values) {
      throw new UsageError(`${token.rawName} is given twice ${seeHelp}`);
    } else {
      values[token.name] = value;
    }
  }
  return { values: values as Values<FlagSpecs>, positionals };
}

/** Reads `bcv <spec.name>`'s arguments; -h/--help throws HelpRequested with its help. */
export function parseCommand<F extends FlagSpecs>(
  argv: readonly string[],
  spec: CommandSpec<F>,
): Parsed<F> {
  const tokens = tokensOf(argv, spec.flags);
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help'))
    throw new HelpRequested(commandHelp(spec));
  return check(spec.name, tokens, spec.flags, spec.flags) as Parsed<F>;
}

/**
 * Reads `bcv <group> <subcommand> ...`: the subcommand (the first positional) and the
 * flags it takes. No subcommand, or --help before one, throws HelpRequested with the
 * group's help (`missing` tells the two apart: no subcommand is a usage error).
 */
export function parseSubcommand<F extends FlagSpecs>(
  argv: readonly string[],
  group: GroupSpec<F>,
): Parsed<F> & { readonly subcommand: string } {
  const tokens = tokensOf(argv, group.flags);
  const first = tokens.find((t) => t.kind === 'positional');
  const wantsHelp = tokens.some((t) => t.kind === 'option' && t.name === 'help');
  if (!first) {
    if (wantsHelp) throw new HelpRequested(groupHelp(group));
    throw new UsageError(
      `bcv ${group.name}: give a command: ${group.subcommands.map((s) => s.name).join(', ')} (bcv ${group.name} --help)`,
    );
  }
  const sub = group.subcommands.find((s) => s.name === first.value);
  if (!sub) {
    throw new UsageError(
      `bcv ${group.name} has no command "${first.value}" (bcv ${group.name} --help lists them)`,
    );
  }
  if (wantsHelp) throw new HelpRequested(subcommandHelp(group, sub));
  const parsed = check(`${group.name} ${sub.name}`, tokens, takenFlags(group, sub), group.flags);
  return {
    subcommand: sub.name,
    values: parsed.values as Values<F>,
    positionals: parsed.positionals.slice(1),
  };
}
