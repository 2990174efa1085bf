/** Seconds as an ActivityStreams duration, the way PeerTube writes it (PT4S). */
export function toActivityStreamsDuration (seconds: number) {
  return `PT${Math.round(seconds)}S`
}

/** ActivityStreams duration (PT1H2M3S, PT4S) to seconds; undefined when unreadable. */
export function fromActivityStreamsDuration (value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value)
  if (!match) return undefined
  const [ , days, hours, minutes, seconds ] = match
  return Math.round(Number(days ?? 0) * 86400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0))
}
