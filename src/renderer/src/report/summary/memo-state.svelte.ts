// Whether the memo is laid out for printing right now (it exists only while it prints),
// and when and by what it was generated (its first page and every page's footer say so).
export const memo = $state({ printing: false, generatedAt: '', generatedBy: '' });
