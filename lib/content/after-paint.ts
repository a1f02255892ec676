/**
 * Runs `work` once the next frame has been produced: the change a click made is on screen before
 * the page (and, on a small machine, the background's burst of work in answer) competes with it.
 */

/** A hidden tab produces no frames: past this, the work runs anyway. */
const LONGEST_WAIT_MS = 100;

export function afterNextPaint(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    work();
  };
  const fallback = setTimeout(run, LONGEST_WAIT_MS);
  // A task queued from the frame's rAF runs after that frame's style, layout and paint.
  requestAnimationFrame(() => setTimeout(run, 0));
}
