// The two exceljs fields the exporter uses without a public API (exceljs-internals.ts):
// these fail when an exceljs release renames or reshapes them, before an export does.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { shareRowStyle, writerZip } from '../../../src/core/export/exceljs-internals';

function writer() {
  const out = new PassThrough();
  out.resume();
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
}

describe('exceljs internals the exporter relies on', () => {
  it("reaches the streaming writer's zip archive: its own errors reach our listener", async () => {
    const zip = writerZip(writer());
    const heard = new Promise<unknown>((resolve) => zip.on('error', resolve));
    // An entry the archive refuses: archiver itself reports it on the archive.
    (zip as unknown as { append(source: unknown, data: object): void }).append(42, { name: 'x' });
    expect(String(await heard)).toMatch(/stream or buffer/i);
    expect(typeof zip.abort).toBe('function');
  });

  it("sets a row's whole style: the row's own style getters then read the shared one", () => {
    const sheet = writer().addWorksheet('S');
    const shared = Object.freeze({ numFmt: '0.00', font: { bold: true } });
    const a = sheet.addRow(['a']);
    const b = sheet.addRow(['b']);
    shareRowStyle(a, shared);
    shareRowStyle(b, shared);
    expect(a.numFmt).toBe('0.00');
    expect(b.font).toBe(shared.font);
  });
});
