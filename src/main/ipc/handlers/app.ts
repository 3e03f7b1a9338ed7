import type { AppDeps } from '../../../core/deps';
import type { HandlerMap } from '../types';

export function appHandlers(deps: AppDeps): HandlerMap<'app:info'> {
  return { 'app:info': () => Promise.resolve({ ...deps.appInfo }) };
}
