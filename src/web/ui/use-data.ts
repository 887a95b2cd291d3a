import { useCallback, useEffect, useState } from 'react';

/** The state of something loaded from the API. */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'done'; value: T }
  | { state: 'failed'; error: Error & { status?: number } };

/** Loads data when its inputs change; `reload` asks again (after a change). */
export function useData<T>(load: () => Promise<T>, inputs: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the inputs
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ state: 'done', value }),
      (error: Error) => current && setLoaded({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [...inputs, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [loaded, reload];
}
