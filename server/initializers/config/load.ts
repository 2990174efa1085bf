import { createRequire } from 'node:module'
import { fromRoot } from '../../helpers/project-root.js'
import { configSchema, type TubelessConfig } from './schema.js'

export class ConfigError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/**
 * Reads config/default.yaml, then config/{NODE_ENV}.yaml, then config/{NODE_ENV}-{NODE_APP_INSTANCE}.yaml, then
 * the NODE_CONFIG environment variable (JSON), as the `config` package does, and validates the result once.
 */
export function loadConfig (): TubelessConfig {
  return validateConfig(loadRawConfig())
}

/** The merged files (and NODE_CONFIG) as written, before validation: a fresh copy at each call. */
export function loadRawConfig (): Record<string, unknown> {
  process.env.NODE_CONFIG_DIR ??= fromRoot('config')
  // The `config` package warns on stderr when no file matches NODE_ENV; our test/production files always exist.
  process.env.SUPPRESS_NO_CONFIG_WARNING = 'y'

  const require = createRequire(import.meta.url)
  return structuredClone(require('config').util.toObject()) as Record<string, unknown>
}

export function validateConfig (raw: unknown): TubelessConfig {
  const result = configSchema.safeParse(raw)
  if (result.success) return result.data

  // One line per problem, naming the YAML key, so an admin knows exactly what to fix.
  const problems = result.error.issues.map(issue => {
    const key = issue.path.join('.') || '(root)'
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map(k => (key === '(root)' ? k : `${key}.${k}`)).join(', ')
      return `unknown key ${keys}`
    }
    return `${key}: ${issue.message}`
  })

  throw new ConfigError(`Invalid configuration (${describeSources()}): ${problems.join('; ')}`)
}

function describeSources () {
  const env = process.env.NODE_ENV ?? 'development'
  const instance = process.env.NODE_APP_INSTANCE
  return [ 'config/default.yaml', `config/${env}.yaml`, instance ? `config/${env}-${instance}.yaml` : undefined, process.env.NODE_CONFIG ? 'NODE_CONFIG' : undefined ]
    .filter(Boolean)
    .join(' + ')
}
