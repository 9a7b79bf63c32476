/**
 * One `abort` listener per caller signal, however many calls share it: a listener per call would
 * make a runtime that counts listeners (Node) warn of a leak once enough concurrent calls share one
 * signal, whatever its limit is set to. Nothing here reads or sets that limit.
 */
const callbacks = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `onAbort` when `signal` aborts; returns the function that stops that. */
export function whenAborted(signal: AbortSignal, onAbort: () => void): () => void {
  let set = callbacks.get(signal);
  if (!set) {
    const own = new Set<() => void>();
    callbacks.set(signal, own);
    signal.addEventListener('abort', () => {
      for (const callback of own) callback();
    });
    set = own;
  }
  set.add(onAbort);
  return () => set.delete(onAbort);
}
