// catalogue:* — search across every saved case and "seen elsewhere", over the catalogue
// (src/core/catalogue) kept beside the library. Its progress while it catches up goes to
// the window that asked, as CATALOGUE_JOB.
import { CATALOGUE_JOB } from '@shared/ipc/contract';
import { parseSearchInput } from '@shared/catalogue/query';
import type { Catalogue } from '../../../core/catalogue/catalogue';
import { CoreError } from '../../../core/core-error';
import type { Services } from '../../../core/services';
import type { CallContext, HandlerMap } from '../types';

type Channels = 'catalogue:search' | 'catalogue:seen-elsewhere';

/** Sends the catalogue's progress to `ctx` while `work` runs. */
export async function withCatalogueProgress<T>(
  catalogue: Catalogue,
  ctx: CallContext,
  work: () => Promise<T>,
): Promise<T> {
  const stop = catalogue.watch((done, total) =>
    ctx.emit('progress', {
      jobId: CATALOGUE_JOB,
      kind: 'catalogue',
      done,
      total,
      message: `Building the search catalogue: ${done} of ${total} saved snapshots read`,
    }),
  );
  try {
    return await work();
  } finally {
    stop();
  }
}

/** The library changed: the catalogue catches up in the background, never failing the caller. */
export function catalogueChanged(catalogue: Catalogue, ctx: CallContext): void {
  catalogue.changed();
  void withCatalogueProgress(catalogue, ctx, () => catalogue.sync()).catch(() => undefined);
}

export function catalogueHandlers(s: Services): HandlerMap<Channels> {
  const { catalogue } = s;
  return {
    'catalogue:search': async (input, ctx) => {
      const parsed = parseSearchInput(input);
      if (!parsed.ok) throw new CoreError('BAD_ARGUMENT', parsed.message);
      return withCatalogueProgress(catalogue, ctx, () => catalogue.search(parsed.query));
    },
    'catalogue:seen-elsewhere': async ({ handle }, ctx) => {
      const { loaded } = s.sessions.get(handle);
      return withCatalogueProgress(catalogue, ctx, () =>
        catalogue.seenElsewhere(loaded.sessionId, loaded.view),
      );
    },
  };
}
