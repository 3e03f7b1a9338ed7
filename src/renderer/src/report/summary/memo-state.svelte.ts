// Whether the memo (every account's summary and the session page, in the print
// stylesheet) is laid out for printing right now. The memo exists only while it prints.
export const memo = $state({ printing: false, generatedAt: '' });
