// policy:* — the credit policy the app's figures are made with: read, chosen from a
// policy file (a file dialog; the file is read and checked here, in main), or reset to
// the default. Kept by core/policy/policy-setting.ts in the user-data folder.
import { basename } from 'node:path';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import type { HandlerMap } from '../types';

export function policyHandlers(
  deps: AppDeps,
  s: Services,
): HandlerMap<'policy:get' | 'policy:choose' | 'policy:reset'> {
  return {
    'policy:get': async () => ({ policy: await s.policy.get() }),
    'policy:choose': async () => {
      const chosen = await deps.dialogs.openFiles({
        title: 'Choose a credit policy file',
        filters: [{ name: 'Credit policy (JSON)', extensions: ['json'] }],
        multiple: false,
      });
      const path = chosen?.[0];
      if (!path) return { cancelled: true } as const;
      return { policy: await s.policy.choose(path, basename(path)) };
    },
    'policy:reset': async () => ({ policy: await s.policy.reset() }),
  };
}
