/** Dynamic compression should not slow the response down: brotli 4 is about gzip 6's speed with smaller output. */
export const BROTLI_QUALITY = 4
/** Under this size the headers cost more than what compression saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024

export const PRECOMPRESSED = [
  { encoding: 'br', extension: '.br' },
  { encoding: 'gzip', extension: '.gz' }
] as const

/**
 * The precompressed form to send for an Accept-Encoding header: the highest q-value, brotli on a tie (smaller), as
 * for dynamic compression. `*` stands for encodings not named.
 */
export function preferredPrecompressed (header: string | undefined) {
  if (!header) return undefined
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [ name, ...params ] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map(p => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    weights.set(name, q === undefined ? 1 : Number(q))
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0
  let best: typeof PRECOMPRESSED[number] | undefined
  for (const candidate of PRECOMPRESSED) {
    const weight = weightOf(candidate.encoding)
    if (weight > 0 && (!best || weight > weightOf(best.encoding))) best = candidate
  }
  return best
}
