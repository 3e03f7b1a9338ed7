// The only place the exporter reaches past exceljs's public API (exceljs 4.4.0; the test
// tests/unit/export/exceljs-internals.test.ts fails if a release moves these fields).
//
// - The streaming writer's zip (an archiver instance, `WorkbookWriter#zip`): exceljs listens
//   for its errors only inside commit(), so an error while rows are written goes unheard and
//   commit() may never settle (exceljs issue #1882, open); nor is there a public abort.
// - A row's `style` object: exceljs gives each streamed row a fresh {} it resolves on commit;
//   one shared, frozen style for plain rows saves an object a row (Row has setters for each
//   part of a style, each of which fills the row's own object, but none for the whole).
import type { Row, stream } from 'exceljs';

interface ZipInternals {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  abort(): void;
}

/** The writer's zip archive: to hear its errors while rows are written, and to abort it. */
export function writerZip(workbook: stream.xlsx.WorkbookWriter): ZipInternals {
  return (workbook as unknown as { zip: ZipInternals }).zip;
}

/** Gives a row a style object shared with other rows (nothing in it is written to). */
export function shareRowStyle(row: Row, style: object): void {
  (row as unknown as { style: object }).style = style;
}
