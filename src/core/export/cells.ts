// What the sheet builders hand the writer, and how each value becomes a typed cell: text
// is always a string cell, amounts are numbers, calendar dates are date cells built with
// Date.UTC (exceljs turns a Date into a serial day number in UTC, so the local time zone
// never moves a day).
import type { Style } from 'exceljs';
import { toCalendarDate, type CalendarDate, type MonthKey } from '@shared/model/calendar';
import { formatAmount } from '@shared/model/money';
import {
  COUNT_FORMAT,
  DATE_FORMAT,
  MONEY_FORMAT,
  moneyFormatFor,
  MONTH_FORMAT,
  PERCENT_POINTS_FORMAT,
  TEXT_FORMAT,
  TIMES_FORMAT,
} from './number-formats';
import { cellText, looksLikeFormula } from './text';

/**
 * How a column's plain values are written. `text` and `id` are strings (an `id` column also
 * gets the Text format: account numbers, hashes, references); `money`, `count` and `number`
 * format numbers; `percent` is in percentage points and shows its % sign (12.5 is 12.5%, never
 * to be read as 1,250%), `times` a multiple with its × sign; `date` and `month` turn `YYYY-MM-DD` / `YYYY-MM` strings into date cells.
 */
export type CellKind =
  'text' | 'id' | 'money' | 'count' | 'number' | 'percent' | 'times' | 'date' | 'month';

/** A value with its own kind, for sheets whose columns mix kinds (EOD, predictors). */
export interface Typed {
  readonly kind: CellKind;
  readonly value: string | number;
}

export type Value = string | number | boolean | null | undefined | Typed;

export const typed = {
  money: (value: number | null | undefined): Value =>
    value === null || value === undefined ? null : { kind: 'money', value },
  count: (value: number | null | undefined): Value =>
    value === null || value === undefined ? null : { kind: 'count', value },
  date: (value: CalendarDate | null | undefined): Value => (value ? { kind: 'date', value } : null),
  month: (value: MonthKey | null | undefined): Value => (value ? { kind: 'month', value } : null),
  id: (value: string | null | undefined): Value => (value ? { kind: 'id', value } : null),
  percent: (value: number | null | undefined): Value =>
    value === null || value === undefined ? null : { kind: 'percent', value },
  times: (value: number | null | undefined): Value =>
    value === null || value === undefined ? null : { kind: 'times', value },
};

export type RowStyle = 'title' | 'header' | 'note' | 'total';

/** A row that is not plain data: a title, a header, a note or a total line. */
export interface StyledRow {
  readonly style: RowStyle;
  readonly cells: readonly Value[];
}

export type SheetRow = readonly Value[] | StyledRow;

export function isStyled(row: SheetRow): row is StyledRow {
  return !Array.isArray(row);
}

// Style objects are shared: exceljs keys its style table on the object's identity.
const BOLD = { bold: true } as const;
const ITALIC = { italic: true, color: { argb: 'FF595959' } } as const;
const HEADER_FILL = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7EEF7' },
} as const;
const HEADER_BORDER = { bottom: { style: 'thin', color: { argb: 'FF8EA9C8' } } } as const;

function style(s: Partial<Style>): Partial<Style> {
  return Object.freeze(s);
}

const STYLES = {
  text: style({ numFmt: TEXT_FORMAT }),
  count: style({ numFmt: COUNT_FORMAT }),
  percent: style({ numFmt: PERCENT_POINTS_FORMAT }),
  times: style({ numFmt: TIMES_FORMAT }),
  date: style({ numFmt: DATE_FORMAT }),
  month: style({ numFmt: MONTH_FORMAT }),
  header: style({
    font: BOLD,
    fill: HEADER_FILL,
    border: HEADER_BORDER,
    alignment: { vertical: 'middle', wrapText: false },
  }),
  title: style({ font: { bold: true, size: 13 } }),
  note: style({ font: ITALIC }),
  total: style({ font: BOLD }),
};

const moneyStyles = new Map<string, Partial<Style>>();
const isMoneyStyle = new WeakSet<Partial<Style>>();
/**
 * Cells and rows without a style of their own share this object: exceljs looks styles up
 * by object identity and turns a missing style into a fresh {} it must then resolve, so
 * one shared empty style saves that work on every cell.
 */
export const PLAIN_STYLE = style({});

const MONEY_STYLE = style({ numFmt: MONEY_FORMAT });
isMoneyStyle.add(MONEY_STYLE);

function moneyStyle(amount: number, bold: boolean): Partial<Style> {
  // Almost every amount: no lookup, no string built.
  if (!bold && amount > -99_999.99 && amount < 99_999.99) return MONEY_STYLE;
  const numFmt = moneyFormatFor(amount);
  const key = `${bold ? 'b' : ''}${numFmt}`;
  let s = moneyStyles.get(key);
  if (!s) {
    s = style(bold ? { numFmt, font: BOLD } : { numFmt });
    moneyStyles.set(key, s);
    isMoneyStyle.add(s);
  }
  return s;
}

const boldVariants = new WeakMap<Partial<Style>, Partial<Style>>();
function withBold(s: Partial<Style> | undefined): Partial<Style> {
  if (!s) return STYLES.total;
  let b = boldVariants.get(s);
  if (!b) boldVariants.set(s, (b = style({ ...s, font: BOLD })));
  return b;
}

export interface CellOut {
  readonly value: string | number | boolean | Date;
  readonly style: Partial<Style> | undefined;
}

/** Characters a cell shows as, for column widths (asked of the first rows only). */
export function displayWidth(out: CellOut): number {
  const { value, style: s } = out;
  if (s === STYLES.note || s === STYLES.title) return 0;
  if (value instanceof Date) return s === STYLES.month ? 8 : 11;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') {
    if (s && isMoneyStyle.has(s)) return formatAmount(value).length;
    return String(s === STYLES.count ? Math.round(value) : value).length + 1;
  }
  const newline = value.indexOf('\n');
  return newline >= 0 ? newline : value.length;
}

/** Dates repeat across rows (a few hundred days for 200,000 rows): made once each. */
const utcDays = new Map<string, Date>();

function utcDay(date: CalendarDate): Date {
  let day = utcDays.get(date);
  if (!day) {
    day = new Date(
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
    );
    if (utcDays.size > 50_000) utcDays.clear();
    utcDays.set(date, day);
  }
  return day;
}

function textOut(raw: string, kind: CellKind): CellOut | null {
  if (raw === '') return null;
  const value = cellText(raw);
  // Judged on the text itself: a leading CR is written escaped (_x000D_).
  return { value, style: kind === 'id' || looksLikeFormula(raw) ? STYLES.text : undefined };
}

function numberOut(n: number, kind: CellKind): CellOut | null {
  if (!Number.isFinite(n)) return null;
  switch (kind) {
    case 'money':
      return { value: n, style: moneyStyle(n, false) };
    case 'count':
      return { value: n, style: STYLES.count };
    case 'percent':
      return { value: n, style: STYLES.percent };
    case 'times':
      return { value: n, style: STYLES.times };
    default:
      return { value: n, style: undefined };
  }
}

/** The cell for one value in a column of `kind`; null leaves the cell empty. */
export function toCell(value: Value, kind: CellKind): CellOut | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return { value, style: undefined };
  if (typeof value === 'number') {
    // An account number or reference the API sent as a number: its digits, as text.
    if (kind === 'id') return Number.isFinite(value) ? textOut(String(value), 'id') : null;
    return numberOut(value, kind === 'text' ? 'number' : kind);
  }
  if (typeof value === 'string') {
    if (kind === 'date') {
      const known = utcDays.get(value);
      if (known) return { value: known, style: STYLES.date };
      const date = toCalendarDate(value);
      if (date) return { value: utcDay(date), style: STYLES.date };
    } else if (kind === 'month' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
      return { value: utcDay(`${value}-01`), style: STYLES.month };
    }
    return textOut(value, kind === 'date' || kind === 'month' ? 'text' : kind);
  }
  return toCell(value.value, value.kind);
}

/** The same cell as it appears in a styled row (header, title, note, total). */
export function styledCell(out: CellOut, rowStyle: RowStyle): CellOut {
  switch (rowStyle) {
    case 'header':
      return { ...out, style: STYLES.header };
    case 'title':
      return { ...out, style: STYLES.title };
    case 'note':
      return { ...out, style: STYLES.note };
    case 'total':
      return {
        ...out,
        style:
          typeof out.value === 'number' && out.style && isMoneyStyle.has(out.style)
            ? moneyStyle(out.value, true)
            : withBold(out.style),
      };
  }
}
