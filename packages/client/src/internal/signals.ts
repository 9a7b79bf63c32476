/**
 * One `abort` listener per caller signal, however many calls share it. A listener per call would
 * pass Node's limit of 10 at the eleventh concurrent call and print `MaxListenersExceededWarning`
 * (raw `fetch` avoids it the same way: undici raises the limit of the signals it creates).
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
