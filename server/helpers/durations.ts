const UNIT_MS: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  s: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  month: 2_592_000_000,
  y: 31_536_000_000,
  year: 31_536_000_000
}

/** Parses '30 minutes', '1 day', '2 weeks', '500ms' or a bare number of milliseconds. Returns undefined when unreadable. */
export function parseDurationMs (value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined

  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
  if (!match) return undefined
  const word = match[2].toLowerCase() || 'ms'
  // 'ms' and 's' are units of their own; otherwise a trailing s is a plural ('2 days').
  const unit = word in UNIT_MS ? word : word.replace(/s$/, '')
  const factor = UNIT_MS[unit]
  if (factor === undefined) return undefined
  return Math.round(parseFloat(match[1]) * factor)
}

const UNIT_BYTES: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4
}

/** Parses '8GB', '500 MB', '-1' (unlimited) or a bare number of bytes. */
export function parseBytes (value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined

  const match = /^\s*(-?\d+(?:\.\d+)?)\s*([kmgt]?b)?\s*$/i.exec(value)
  if (!match) return undefined
  const factor = UNIT_BYTES[(match[2] ?? 'b').toLowerCase()]
  return Math.round(parseFloat(match[1]) * factor)
}
