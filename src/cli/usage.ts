// The CLI's help text, its usage error (exit code 2) and the one way commands read flags.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { BUILT_IN_SESSION_IDS } from '../sandbox/sessions';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A command's flags and positionals. Unknown or malformed flags throw parseArgs' own error,
 * which bin's failure mapping turns into one `USAGE:` line and exit 2.
 */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
) {
  const parsed = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options,
    tokens: true,
  });
  // A flag given twice would silently take the last: which one was meant is not known.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) {
      throw new UsageError(`--${token.name} is given twice: give it once`);
    }
    seen.add(token.name);
  }
  return parsed;
}

export const CONNECTION_HELP = `Connection (flags win over the environment):
  --base-url URL        BANKCONNECT_BASE_URL     (default https://apis.bankconnect.finbox.in/bank-connect)
  --api-version V       BANKCONNECT_API_VERSION  (default v1)
  --endpoint E          BANKCONNECT_ENDPOINT     data endpoint: subscribed_data (default) or insights
                        BANKCONNECT_API_KEY, BANKCONNECT_SERVER_HASH (credentials: environment only)
  --sandbox             use an in-process sandbox with demo data instead
  --timeout SECONDS     per request (default 30)`;

export const USAGE = `bcv: BankConnect Viewer on the command line

Usage:
  bcv sandbox [--port N]                       run the sandbox server and print its URL
  bcv status <session-id> [--json]             accounts and statements with their status
  bcv fetch <session-id> --out FILE [--wait] [--save [--library DIR]]
                                               write both API responses to a JSON file
  bcv export <FILE | session-id --sandbox> --out FILE.xlsx [--account ID] [--all-fields]
                                               the Excel workbook for a fetched or saved session
  bcv library list|show|import|export|delete|search   the saved-session library (bcv library --help)
  bcv review note|flag|verdict|show            flags, notes and a verdict on a saved session
                                               (bcv review --help)
  bcv team init|migrate|status|member|...      the team's case library on its PostgreSQL
                                               server (bcv team --help)
  bcv --version | --help

${CONNECTION_HELP}

Sandbox sessions: ${BUILT_IN_SESSION_IDS.join(', ')}

Exit status: 0 success, 1 API or network error (one line "CODE: message" on stderr),
2 usage error.`;
