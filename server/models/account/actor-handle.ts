import { WEBSERVER } from '../../initializers/config/index.js'

export interface ParsedHandle {
  name: string
  /** null for an actor of this instance. */
  host: string | null
}

/**
 * Splits an account or channel handle: `name` and `name@<our host>` are local, `name@other.host` is remote.
 * Names never contain '@', so the first one separates the host.
 */
export function parseActorHandle (handle: string): ParsedHandle {
  const at = handle.indexOf('@')
  if (at === -1) return { name: handle, host: null }

  const name = handle.slice(0, at)
  const host = handle.slice(at + 1).toLowerCase()
  return { name, host: host === '' || host === WEBSERVER.HOST.toLowerCase() ? null : host }
}
