/**
 * Data the Treaties page reads through the API: loading, the answer or the refusal, and a
 * way to read it again after a write. Each view owns what it shows; nothing is cached across views.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiInputs, ApiOutputs, Channel } from '../../shared/api.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';

export type Loaded<T> = { phase: 'loading' } | { phase: 'ready'; data: T } | { phase: 'error'; error: ApiCallError };

export function useApiData<C extends Channel>(channel: C, input: ApiInputs[C]): [Loaded<ApiOutputs[C]>, () => void] {
  const [state, setState] = useState<Loaded<ApiOutputs[C]>>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input ?? null);
  useEffect(() => {
    let live = true;
    call(channel, JSON.parse(key) ?? undefined)
      .then((data) => live && setState({ phase: 'ready', data }))
      .catch((error: unknown) => live && setState({ phase: 'error', error: asApiError(channel, error) }));
    return () => {
      live = false;
    };
  }, [channel, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}
