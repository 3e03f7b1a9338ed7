// Writes one planned sheet through exceljs's streaming writer: rows are committed as they
// come, so a sheet of any length costs the memory of a few hundred rows. Column widths come
// from the header and the first rows; a sheet that would pass Excel's row limit continues
// on `Name (2)`, `Name (3)`... with its header repeated.
import type { Row, stream, Worksheet } from 'exceljs';
import {
  displayWidth,
  isStyled,
  PLAIN_STYLE,
  styledCell,
  toCell,
  type CellKind,
  type SheetRow,
  type Value,
} from './cells';
import type { CellOut } from './cells';
import { EXCEL_MAX_COLUMNS } from './limits';
import { SheetNames } from './sheet-names';
import { shareRowStyle } from './exceljs-internals';

export interface ColumnSpec {
  readonly header: string;
  readonly kind: CellKind;
  /** Width bounds in characters (defaults 6 and 50). */
  readonly minWidth?: number;
  readonly maxWidth?: number;
}

/** The account a row belongs to (its label), first in every per-account table. */
export const ACCOUNT_COLUMN: ColumnSpec = { header: 'Account', kind: 'text', maxWidth: 30 };
// Columns several sheets carry, written once so they read alike wherever they stand.
export const NARRATION_COLUMN: ColumnSpec = { header: 'Narration', kind: 'text', maxWidth: 60 };
export const MONTH_COLUMN: ColumnSpec = { header: 'Month', kind: 'month', minWidth: 10 };
export const STATEMENT_COLUMN: ColumnSpec = { header: 'Statement', kind: 'id', maxWidth: 38 };
export const ACCOUNT_ID_COLUMN: ColumnSpec = { header: 'Account id', kind: 'id', maxWidth: 38 };
export const HASH_COLUMN: ColumnSpec = { header: 'Hash', kind: 'id', maxWidth: 34 };

export interface SheetPlan {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * A table: the headers are row 1 (bold, frozen, with an autofilter over the rows below),
   * repeated at the top of each continuation sheet. Otherwise the rows lay themselves out.
   */
  readonly tabular: boolean;
  /** How many rows `rows()` yields: progress and continuation names are known up front. */
  readonly rowCount: number;
  readonly rows: () => Iterable<SheetRow>;
  /** The one line a sheet with no rows shows. */
  readonly emptyNote: string;
  /** For a sheet that is not a table: the rows and columns kept in view. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** For a sheet that is not a table: a table inside it to put the autofilter on. */
  readonly filter?: { readonly headerRow: number; readonly lastRow: number };
}

/** Called after every row: counts progress, and now and then yields so the zip drains. */
export type RowTick = () => void | Promise<void>;

const WIDTH_SAMPLE_ROWS = 500;
const DEFAULT_MIN_WIDTH = 6;
const DEFAULT_MAX_WIDTH = 50;

/** Sheet names a plan is written to, given the row limit (the first is the plan's own). */
export function partNames(plan: SheetPlan, maxRows: number): string[] {
  const perPart = plan.tabular ? maxRows - 1 : maxRows;
  const parts = Math.max(1, Math.ceil(plan.rowCount / perPart));
  return Array.from({ length: parts }, (_, i) => SheetNames.continuation(plan.name, i + 1));
}

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellsOf(row: SheetRow, columns: readonly ColumnSpec[]): (CellOut | null)[] {
  const values = isStyled(row) ? row.cells : row;
  const out: (CellOut | null)[] = [];
  const n = Math.min(values.length, EXCEL_MAX_COLUMNS);
  for (let i = 0; i < n; i++) {
    const cell = toCell(values[i], columns[i]?.kind ?? 'text');
    out.push(cell && isStyled(row) ? styledCell(cell, row.style) : cell);
  }
  return out;
}

/** exceljs gives each row a fresh {} style it resolves on commit; the shared one is cheap. */
function plainRow(row: Row): void {
  shareRowStyle(row, PLAIN_STYLE);
}

export class SheetWriter {
  private sheet: Worksheet | null = null;
  private part = 0;
  /** Rows written to the current part. */
  private rowsInPart = 0;
  private widths: number[] | null = null;
  /** Data rows waiting for the column widths to be known. */
  private pending: (CellOut | null)[][] = [];
  private readonly headerCells: (CellOut | null)[];
  readonly sheetNames: string[] = [];

  constructor(
    private readonly workbook: stream.xlsx.WorkbookWriter,
    private readonly names: SheetNames,
    private readonly plan: SheetPlan,
    private readonly maxRows: number,
  ) {
    this.headerCells = plan.tabular
      ? cellsOf({ style: 'header', cells: plan.columns.map((c) => c.header) }, plan.columns)
      : [];
  }

  /** Writes every row of the plan (or its note) and commits the last sheet. */
  async write(tick: RowTick): Promise<void> {
    if (this.plan.rowCount === 0) {
      this.widths = [];
      this.openPart(false, false);
      this.writeCells(cellsOf({ style: 'note', cells: [this.plan.emptyNote] }, []));
      this.sheet!.commit();
      return;
    }
    for (const row of this.plan.rows()) {
      if (this.widths && !isStyled(row)) this.emitValues(row);
      else if (this.widths) this.emit(cellsOf(row, this.plan.columns));
      else {
        this.pending.push(cellsOf(row, this.plan.columns));
        if (this.pending.length >= WIDTH_SAMPLE_ROWS) this.flushPending();
      }
      const waiting = tick();
      if (waiting) await waiting;
    }
    if (!this.widths) this.flushPending();
    this.closePart();
  }

  private flushPending(): void {
    this.widths = this.plan.columns.map((spec, i) => {
      const header = this.headerCells[i];
      let widest = header ? displayWidth(header) : 0;
      for (const row of this.pending) {
        const cell = row[i];
        if (cell) widest = Math.max(widest, displayWidth(cell));
      }
      const min = spec.minWidth ?? DEFAULT_MIN_WIDTH;
      const max = spec.maxWidth ?? DEFAULT_MAX_WIDTH;
      return Math.min(max, Math.max(min, widest + 2));
    });
    const rows = this.pending;
    this.pending = [];
    for (const cells of rows) this.emit(cells);
  }

  private emit(cells: (CellOut | null)[]): void {
    this.makeRoom();
    this.writeCells(cells);
  }

  /** A data row straight from its values: the path every row after the first few takes. */
  private emitValues(values: readonly Value[]): void {
    this.makeRoom();
    this.rowsInPart += 1;
    const row = this.sheet!.getRow(this.rowsInPart);
    plainRow(row);
    const { columns } = this.plan;
    const n = Math.min(values.length, EXCEL_MAX_COLUMNS);
    for (let i = 0; i < n; i++) {
      const out = toCell(values[i], columns[i]?.kind ?? 'text');
      if (!out) continue;
      const cell = row.getCell(i + 1);
      cell.value = out.value;
      cell.style = out.style ?? PLAIN_STYLE;
    }
    row.commit();
  }

  private makeRoom(): void {
    if (!this.sheet || this.rowsInPart >= this.maxRows) {
      if (this.sheet) this.closePart();
      this.openPart(this.plan.tabular, true);
    }
  }

  private openPart(tabular: boolean, withFreeze: boolean): void {
    this.part += 1;
    const name = this.names.claim(SheetNames.continuation(this.plan.name, this.part));
    this.sheetNames.push(name);
    const freeze = !withFreeze ? undefined : tabular ? { rows: 1, columns: 0 } : this.plan.freeze;
    this.sheet = this.workbook.addWorksheet(name, {
      views: freeze ? [{ state: 'frozen', xSplit: freeze.columns, ySplit: freeze.rows }] : [],
    });
    this.sheet.columns = (this.widths ?? []).map((width) => ({ width }));
    this.rowsInPart = 0;
    if (tabular) this.writeCells(this.headerCells);
  }

  private closePart(): void {
    const sheet = this.sheet!;
    const lastColumn = columnLetter(Math.max(1, this.plan.columns.length));
    if (this.plan.tabular && this.rowsInPart > 1) {
      sheet.autoFilter = `A1:${lastColumn}${this.rowsInPart}`;
    } else if (this.plan.filter && this.part === 1) {
      const { headerRow, lastRow } = this.plan.filter;
      sheet.autoFilter = `A${headerRow}:${lastColumn}${Math.min(lastRow, this.rowsInPart)}`;
    }
    sheet.commit();
  }

  private writeCells(cells: readonly (CellOut | null)[]): void {
    this.rowsInPart += 1;
    const row = this.sheet!.getRow(this.rowsInPart);
    plainRow(row);
    for (let i = 0; i < cells.length; i++) {
      const out = cells[i];
      if (!out) continue;
      const cell = row.getCell(i + 1);
      cell.value = out.value;
      cell.style = out.style ?? PLAIN_STYLE;
    }
    row.commit();
  }
}
