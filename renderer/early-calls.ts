/**
 * Calls started before the code that needs their answers has loaded (renderer/boot.ts):
 * the window's first answers travel while the rest of the bundle is fetched and run. Each
 * started call is taken once, by the first caller asking the same channel with the same
 * input; a started call that failed is made again, so that its caller sees the failure of
 * a call made when it asked. Nothing is kept beyond that first use.
 */
import type { ApiInputs, ApiOutputs, Channel } from '../shared/api.ts';
import { call } from './api.ts';

const started = new Map<string, Promise<unknown>>();

const keyOf = (channel: Channel, input: unknown) => `${channel} ${JSON.stringify(input)}`;

/** Starts a call for a later taker; its answer is also returned to the starter. */
export function startCall<C extends Channel>(channel: C, input: ApiInputs[C]): Promise<ApiOutputs[C]> {
  const answer = call(channel, input);
  answer.catch(() => undefined); // a failure is the taker's to see (it calls again), not an unhandled rejection
  started.set(keyOf(channel, input), answer);
  return answer;
}

/** The started call's answer when there is one for this channel and input, else a new call. */
export function callOrTakeStarted<C extends Channel>(channel: C, input: ApiInputs[C]): Promise<ApiOutputs[C]> {
  const key = keyOf(channel, input);
  const answer = started.get(key) as Promise<ApiOutputs[C]> | undefined;
  if (answer === undefined) return call(channel, input);
  started.delete(key);
  return answer.catch(() => call(channel, input));
}
