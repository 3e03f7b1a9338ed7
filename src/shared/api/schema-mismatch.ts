/** A response not in any shape we read; names the JSON path and what was expected there. */
export class SchemaMismatchError extends Error {
  override readonly name = 'SchemaMismatchError';
  readonly code = 'SCHEMA_MISMATCH';
  constructor(
    readonly what: string,
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${what} is not in the documented shape: at ${path}, expected ${expected}`);
  }
}
