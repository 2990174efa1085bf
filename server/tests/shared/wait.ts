/** Polls until `check` returns a truthy value (which it returns), or fails after `timeoutMs`. */
export async function waitUntil<T> (check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value) return value
    } catch (err) {
      lastError = err
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs))
  }
  throw new Error(`Condition not met after ${timeoutMs} ms${lastError ? `: ${(lastError as Error).message}` : ''}`)
}
