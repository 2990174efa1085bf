import { loadConfig } from './load.js'
import type { TubelessConfig } from './schema.js'

export type { TubelessConfig } from './schema.js'
export { ConfigError } from './load.js'

// Loaded once at start-up; a bad value stops the process before anything else runs (see server.ts).
export const CONFIG: TubelessConfig = loadConfig()

export const WEBSERVER = {
  get SCHEME () { return CONFIG.webserver.https ? 'https' : 'http' },
  get WS () { return CONFIG.webserver.https ? 'wss' : 'ws' },
  get HOST () {
    const defaultPort = CONFIG.webserver.https ? 443 : 80
    return CONFIG.webserver.port === defaultPort ? CONFIG.webserver.hostname : `${CONFIG.webserver.hostname}:${CONFIG.webserver.port}`
  },
  get URL () { return `${WEBSERVER.SCHEME}://${WEBSERVER.HOST}` }
}

export function isTestInstance () {
  return process.env.NODE_ENV === 'test'
}

export function isProduction () {
  return process.env.NODE_ENV === 'production'
}

export function databaseName () {
  return CONFIG.database.name + CONFIG.database.suffix
}
