import { useCallback, useRef, useState } from 'react';

/**
 * Local screen state that key handlers read through a ref. Keys typed quickly (or sent together by
 * a terminal multiplexer) arrive before React re-renders; handlers that read the last rendered
 * state would all act on the same stale value.
 */
export function useLiveState<T extends object>(
  init: () => T,
): [T, { readonly current: T }, (patch: Partial<T>) => void] {
  const [state, setState] = useState(init);
  const ref = useRef(state);
  const update = useCallback((patch: Partial<T>) => {
    ref.current = { ...ref.current, ...patch };
    setState(ref.current);
  }, []);
  return [state, ref, update];
}
