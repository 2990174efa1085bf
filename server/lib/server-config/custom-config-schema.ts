import { z } from 'zod'
import { configSchema } from '../../initializers/config/schema.js'

/**
 * The schema of PUT /api/v1/config/custom, built from the list of runtime settings: every section is an object
 * with only its known keys (an unknown key, a null or an array section is a 400 naming it), every setting has the
 * type of the configuration key it sets. Settings left out keep their value. The whole configuration is checked
 * again once the change is merged (settings that must agree with each other).
 */
export function buildCustomConfigSchema (settings: [ doc: string, config: string ][]) {
  const tree: Record<string, unknown> = {}
  for (const [ docPath, configPath ] of settings) {
    const keys = docPath.split('.')
    let node = tree
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
    node[keys[keys.length - 1]] = configLeaf(configPath)
  }
  return toSchema(tree) as z.ZodType<Record<string, unknown>>
}

function toSchema (node: Record<string, unknown>): z.ZodType {
  const shape: Record<string, z.ZodType> = {}
  for (const [ key, value ] of Object.entries(node)) {
    shape[key] = value instanceof z.ZodType ? value : toSchema(value as Record<string, unknown>)
  }
  return z.object(shape).strict().partial()
}

function configLeaf (configPath: string): z.ZodType {
  let schema: z.ZodType = configSchema
  for (const key of configPath.split('.')) {
    const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType> | undefined
    if (!shape?.[key]) throw new Error(`No configuration key ${configPath}`)
    schema = shape[key]
  }
  return schema
}
