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
