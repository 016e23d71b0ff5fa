// The one path every request takes, from every host: validate with zod -> call the handler -> envelope.
import { ZodError } from 'zod';
import { contract, type ApiError, type Channel, type ParsedRequestOf, type ResponseOf, type Result } from '../../../shared/api';
import { ApiFailure } from '../errors';
import { StoreWriteError } from '../store/store';
import { clampMessage, describeRefusal, shorten } from './plainErrors';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one area's channels (e.g. typeof prospectChannels). */
export type HandlersFor<Channels> = { [C in keyof Channels & Channel]: Handler<C> };

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: clampMessage(error.message) };
  if (error instanceof ZodError) return { code: 'invalid-request', ...describeRefusal(error) };
  if (error instanceof StoreWriteError) return { code: 'store-failed', message: clampMessage(error.message) };
  return { code: 'internal', message: clampMessage(`Something went wrong: ${(error as Error)?.message ?? String(error)}`) };
}

export function createDispatch(handlers: Handlers, onInternalError: (error: unknown) => void = () => undefined): Dispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      const named = typeof channel === 'string' ? `"${shorten(channel)}"` : `named by a ${typeof channel}`;
      return { ok: false, error: { code: 'unknown-channel', message: `There is no channel ${named}.` } };
    }
    const name = channel as Channel;
    let refusal: ApiError | null = null;
    let parsed: { data?: unknown } = {};
    try {
      const result = contract[name].request.safeParse(payload);
      if (result.success) parsed = result;
      else refusal = { code: 'invalid-request', ...describeRefusal(result.error) };
    } catch {
      // zod's own message builder throws on values JSON cannot hold (an object without a prototype in a list).
      refusal = { code: 'invalid-request', message: 'The request holds values Touchplan cannot read.' };
    }
    if (refusal) return { ok: false, error: refusal };
    try {
      const handler = handlers[name] as Handler<Channel>;
      const value = await handler(parsed.data as never);
      return { ok: true, value: value ?? null };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') onInternalError(error);
      return { ok: false, error: apiError };
    }
  };
}
