import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Resolves after the next frame is painted, or within 100 ms where frames
 * do not run (a hidden page or iframe). An element that awaits it in
 * `scheduleUpdate()` lets what a key or click changed elsewhere paint first
 * (the list's open row, the conversation's header) and draws its own,
 * costlier part in the frame after: the interaction is answered within a
 * frame (INP) and the end result is the same.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/**
 * For what does not answer a person's key or click (a count, a heading): the
 * first value at once, later ones just after the next paint, the latest of
 * the frame, so that the frame answering the key carries none of their work.
 * `waiting` is told of each wait (a promise that resolves once the latest
 * value is out), for an element's `updateComplete`.
 */
export function latestAfterPaint<T>(waiting?: (settled: Promise<void>) => void): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let first = true;
      let pending = false;
      let latest: T;
      const subscription = source.subscribe({
        next: (value) => {
          latest = value;
          if (first) {
            first = false;
            subscriber.next(value);
          } else if (!pending) {
            pending = true;
            const settled = afterNextPaint().then(() => {
              pending = false;
              if (!subscriber.closed) subscriber.next(latest);
            });
            waiting?.(settled);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => subscription.unsubscribe();
    });
}
