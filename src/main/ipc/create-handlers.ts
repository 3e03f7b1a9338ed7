// All IPC handlers as plain functions: `handle(channel, args, ctx)` validates `args`
// (unknown) with the contract's schema and answers an IpcEnvelope. The Electron shell and
// the test host register exactly this.
import { argSchemas } from '@shared/ipc/arg-schemas';
import { answerOf, IPC_CHANNELS, type IpcChannel, type IpcEnvelope } from '@shared/ipc/contract';
import type { AppDeps } from '../../core/deps';
import { openServices, type Services } from '../../core/services';
import { envelope, validateArgs } from './ipc-errors';
import { CoreError } from '../../core/core-error';
import { appHandlers } from './handlers/app';
import { catalogueHandlers } from './handlers/catalogue';
import { exportHandlers } from './handlers/export';
import { jobHandlers } from './handlers/jobs';
import { libraryHandlers } from './handlers/library';
import { memoHandlers } from './handlers/memo';
import { profileHandlers } from './handlers/profiles';
import { finboxReportHandlers } from './handlers/finbox-report';
import { policyHandlers } from './handlers/policy';
import { reviewHandlers } from './handlers/review';
import { sessionHandlers } from './handlers/session';
import { teamHandlers } from './handlers/team';
import type { CallContext, Handler, HandlerMap } from './types';

export interface Handlers {
  readonly channels: readonly IpcChannel[];
  handle(channel: string, args: unknown, ctx: CallContext): Promise<IpcEnvelope<unknown>>;
  dispose(): Promise<void>;
}

function isChannel(channel: string): channel is IpcChannel {
  return answerOf(channel) !== null;
}

export function createHandlers(deps: AppDeps): Handlers {
  let services: Promise<Services> | null = null;
  let table: Promise<HandlerMap<IpcChannel>> | null = null;
  const handlers = (): Promise<HandlerMap<IpcChannel>> => {
    services ??= openServices(deps);
    table ??= services.then((s) => ({
      ...appHandlers(deps),
      ...profileHandlers(deps, s),
      ...sessionHandlers(deps, s),
      ...jobHandlers(s),
      ...exportHandlers(deps, s),
      ...libraryHandlers(deps, s),
      ...catalogueHandlers(s),
      ...reviewHandlers(s),
      ...policyHandlers(deps, s),
      ...memoHandlers(deps, s),
      ...finboxReportHandlers(deps, s),
      ...teamHandlers(deps, s),
    }));
    return table;
  };

  return {
    channels: IPC_CHANNELS,
    handle(channel, args, ctx) {
      return envelope(async () => {
        if (!isChannel(channel))
          throw new CoreError('UNKNOWN_CHANNEL', `Unknown channel ${channel.slice(0, 60)}`);
        const parsed = validateArgs(argSchemas[channel], args);
        const handler = (await handlers())[channel] as Handler<IpcChannel>;
        return handler(parsed, ctx);
      });
    },
    async dispose() {
      if (services) await (await services).close();
    },
  };
}
