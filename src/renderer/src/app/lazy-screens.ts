// The screens that are chunks of their own, loaded when first shown: the entry chunk
// holds only the frame and the session form, so the window shows at once.
import type { Component } from 'svelte';
import type { LoadedSession } from '@shared/ipc/contract';

/** One import per module, kept: showing a screen again does not wait a tick. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

export const loadReportView: () => Promise<Component<{ loaded: LoadedSession }>> = once(() =>
  import('../report/ReportView.svelte').then((m) => m.default),
);

export const loadLibraryView: () => Promise<Component> = once(() =>
  import('../library/LibraryView.svelte').then((m) => m.default),
);

export const loadConnectionScreen: () => Promise<Component> = once(() =>
  import('../connection/ConnectionScreen.svelte').then((m) => m.default),
);

export const loadTeamScreen: () => Promise<Component> = once(() =>
  import('../team/TeamScreen.svelte').then((m) => m.default),
);
