// The report view (src/renderer/src/report/ReportView.svelte) is a chunk of its own, loaded
// when the first session opens: the entry chunk stays small for the connection screen.
import type { Component } from 'svelte';
import type { LoadedSession } from '@shared/ipc/contract';

export function loadReportView(): Promise<Component<{ loaded: LoadedSession }>> {
  return import('../report/ReportView.svelte').then((m) => m.default);
}
