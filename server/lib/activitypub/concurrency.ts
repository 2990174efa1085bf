/** Runs `task` over `items` with at most `limit` running at once; resolves when all have settled. */
export async function forEachWithConcurrency<T> (items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      await task(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
