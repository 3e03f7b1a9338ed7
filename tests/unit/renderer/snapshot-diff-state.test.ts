import { describe, expect, it } from 'vitest';
import { installBridge, type Installed } from './bridge-setup';

// The state modules subscribe to bridge events when first imported: bridge first.
const installed: Installed = await installBridge();
const { snapshotDiff: diff } =
  await import('../../../src/renderer/src/library/snapshot-diff.svelte');
const { library } = await import('../../../src/renderer/src/library/library.svelte');
const { session } = await import('../../../src/renderer/src/app/session.svelte');

describe('compare snapshots (Library screen state)', () => {
  it('compares the two latest by default, older first, and says when there is one only', async () => {
    await session.open('demo-retail');
    await library.saveCurrent();
    await library.load();
    const one = library.listing!.entries.find((e) => e.sessionId === 'demo-retail')!;
    await diff.start(one);
    expect(diff.result).toBeNull();
    expect(diff.error).toBe(
      'Session demo-retail has one snapshot only: nothing to compare it with',
    );

    await library.saveCurrent();
    await library.load();
    const two = library.listing!.entries.find((e) => e.sessionId === 'demo-retail')!;
    expect(two.snapshotCount).toBe(2);
    await diff.start(two);
    expect(diff.error).toBeNull();
    expect(diff.from).toBe(two.snapshots[1]!.snapshotId);
    expect(diff.to).toBe(two.snapshots[0]!.snapshotId);
    expect(diff.result).toMatchObject({ from: diff.from, to: diff.to, sessionId: 'demo-retail' });
    // The same data saved twice: nothing moved.
    expect(diff.result!.diff.transactions.added).toEqual([]);
    expect(diff.result!.diff.transactions.unchanged).toBeGreaterThan(0);
    const calls = installed.bridge.calls.filter((c) => c.channel === 'library:diff');
    expect(calls.at(-1)!.args).toEqual({ sessionId: 'demo-retail', from: diff.from, to: diff.to });
    diff.close();
    expect(diff.sessionId).toBeNull();
  });
});
