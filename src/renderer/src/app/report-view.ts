// The full report view (src/renderer/src/report/ReportView.svelte) when this build has it;
// the session screen falls back to statuses and accounts otherwise.
import type { Component } from 'svelte';
import type { LoadedSession } from '@shared/ipc/contract';

type ReportViewModule = { default: Component<{ loaded: LoadedSession }> };

const found = import.meta.glob<ReportViewModule>('../report/ReportView.svelte');

export function loadReportView(): Promise<ReportViewModule['default']> | null {
  const load = Object.values(found)[0];
  return load ? load().then((m) => m.default) : null;
}
