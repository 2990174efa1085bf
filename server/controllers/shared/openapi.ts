import { z } from 'zod'
import { REGISTERED_ROUTES, type RegisteredRoute } from './api-router.js'

/**
 * The OpenAPI 3.1 description of every route registered through an ApiRouter, generated from the same zod
 * schemas that validate requests, so the two cannot drift apart.
 */
export function buildOpenApiDocument (info: { title: string, version: string, serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {}

  for (const route of REGISTERED_ROUTES) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
    paths[path] ??= {}
    paths[path][route.method] = describeOperation(route)
  }

  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    servers: [ { url: info.serverUrl } ],
    components: {
      securitySchemes: {
        OAuth2: { type: 'oauth2', flows: { password: { tokenUrl: '/api/v1/users/token', scopes: {} } } }
      }
    },
    paths
  }
}

function describeOperation ({ spec }: RegisteredRoute) {
  const parameters = [
    ...objectParameters(spec.params, 'path'),
    ...objectParameters(spec.query, 'query')
  ]

  const operation: Record<string, unknown> = {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    parameters,
    responses: Object.fromEntries(
      Object.entries(spec.responses ?? { 200: 'Success' }).map(([ status, description ]) => [ status, { description } ])
    )
  }

  if (spec.auth !== 'none' || spec.right !== undefined) {
    operation.security = spec.auth === 'optional' && spec.right === undefined ? [ {}, { OAuth2: [] } ] : [ { OAuth2: [] } ]
  }

  if (spec.body) {
    operation.requestBody = {
      required: true,
      content: { [spec.bodyContentType ?? 'application/json']: { schema: toJsonSchema(spec.body) } }
    }
  }

  return operation
}

function objectParameters (schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return []
  const json = toJsonSchema(schema) as { properties?: Record<string, unknown>, required?: string[] }
  return Object.entries(json.properties ?? {}).map(([ name, property ]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property
  }))
}

function toJsonSchema (schema: z.ZodType) {
  // 'input' describes what clients send (before defaults and transforms); unrepresentable parts become `{}`.
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
}
