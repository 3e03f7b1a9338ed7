// The per-account blocks other than transactions (one file each in this folder), read in
// the forms either endpoint sends (list or object; numbers or numeric text; FinBox's date
// formats). A value that cannot be read with one meaning is set aside with its path;
// structured values no screen shows (loan_emi objects, starting_balance, ...) go to "Other
// API data". This is what every block reader is given: where those two go.
import { jsonPath } from '../../api/json-path';
import type { SetAside } from '../unreadable';
import type { OtherDataItem } from '../view-model';

export type Path = readonly PropertyKey[];

export interface BlockContext {
  readonly setAside: SetAside;
  readonly other: OtherDataItem[];
}

export function keepOther(ctx: BlockContext, path: Path, value: unknown): void {
  ctx.other.push({ path: jsonPath(path), key: String(path.at(-1) ?? ''), value });
}
