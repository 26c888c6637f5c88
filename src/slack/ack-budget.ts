/**
 * How long a modal submission waits for its write before the modal is closed anyway (ms). Slack
 * drops an answer that comes after 3 s and tells the user it failed, although the write may still
 * succeed (a slow disk flush, a lock held by another process or session). A late outcome reaches
 * the user by direct message instead.
 */
export const STORE_BUDGET_MS = 2_500;

/** The outcome, or undefined if it has not come within ms. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
