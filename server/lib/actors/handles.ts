import { WEBSERVER } from '../../initializers/config/index.js'

/** Whether a handle's host part names this instance. */
export function isOwnHost (host: string) {
  return host.toLowerCase() === WEBSERVER.HOST.toLowerCase()
}
