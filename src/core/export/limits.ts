// Excel's hard limits (the same in LibreOffice Calc since 7.4): a file that passes one of
// them opens with a repair prompt or loses data, so the exporter never does.
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_TEXT = 32_767;
export const EXCEL_MAX_SHEET_NAME = 31;
