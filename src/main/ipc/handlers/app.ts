import type { AppDeps } from '../../app/deps';
import type { HandlerMap } from '../types';

export function appHandlers(deps: AppDeps): HandlerMap<'app:info'> {
  return { 'app:info': () => Promise.resolve({ ...deps.appInfo }) };
}
