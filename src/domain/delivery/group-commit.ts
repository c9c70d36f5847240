/**
 * Group commit: each caller hands in one item and waits for its own result; the items that arrive while a
 * statement runs go together in the next one (at most `max`). Alone, a caller gets a statement of one, at once —
 * so a worker with one send in flight records it right after the send, and fifty in flight share a few statements.
 * When a statement fails, every caller in it gets the error.
 */
export function groupCommit<T, R>(run: (items: T[]) => Promise<R[]>, max = 500): (item: T) => Promise<R> {
  let queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const flush = async () => {
    running = true;
    while (queue.length > 0) {
      const taken = queue.slice(0, max);
      queue = queue.slice(max);
      try {
        const results = await run(taken.map((q) => q.item));
        taken.forEach((q, i) => q.resolve(results[i]!));
      } catch (error) {
        for (const q of taken) q.reject(error);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void flush();
    });
}
