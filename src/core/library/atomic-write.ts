// Moved to src/core/io/safe-write.ts (every writer uses it); this path stays for its importers.
export * from '../io/safe-write';
