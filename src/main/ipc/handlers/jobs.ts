import type { Services } from '../../../core/services';
import type { HandlerMap } from '../types';

export function jobHandlers(s: Services): HandlerMap<'job:cancel'> {
  return { 'job:cancel': ({ jobId }) => Promise.resolve({ cancelled: s.jobs.cancel(jobId) }) };
}
