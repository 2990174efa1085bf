// The one place that talks HTTP to the REST API: adds the bearer token, retries once after a silent
// refresh on 401, decodes JSON and turns failures into ApiError.
import { ApiError, errorFromResponse, networkError } from './problem.js'
import { getUsableAccessToken, refreshTokens } from './token-refresh.js'

export type QueryValue = string | number | boolean | null | undefined | Array<string | number>
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  /** Sent as application/json. */
  json?: unknown
  /** Sent as application/x-www-form-urlencoded or multipart (FormData). */
  form?: URLSearchParams | FormData
  headers?: Record<string, string>
  /** false: never send the token (login, public lists stay cacheable). Default: send it when signed in. */
  auth?: boolean
  signal?: AbortSignal
}

export const API_PREFIX = '/api/v1'

export function buildQuery (query: Query | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach(v => params.append(key, String(v)))
    else params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function apiUrl (path: string, query?: Query): string {
  return `${API_PREFIX}${path}${buildQuery(query)}`
}

/** Headers with the current Authorization, for callers that cannot use apiRequest (XHR uploads). */
export async function authHeaders (): Promise<Record<string, string>> {
  const tokens = await getUsableAccessToken()
  return tokens ? { Authorization: `${tokens.tokenType} ${tokens.accessToken}` } : {}
}

export async function apiRequest<T> (method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await sendWithRefresh(method, apiUrl(path, options.query), options)
  if (!res.ok) throw await errorFromResponse(res)
  return await decodeBody<T>(res)
}

/** Like apiRequest but hands back the raw Response (status codes and headers matter to the caller). */
export async function apiRawRequest (method: string, url: string, options: RequestOptions = {}): Promise<Response> {
  return await sendWithRefresh(method, url, options)
}

async function sendWithRefresh (method: string, url: string, options: RequestOptions): Promise<Response> {
  const useAuth = options.auth !== false
  const tokens = useAuth ? await getUsableAccessToken() : null
  const first = await send(method, url, options, tokens ? `${tokens.tokenType} ${tokens.accessToken}` : null)
  if (first.status !== 401 || !tokens || !await isTokenRefusal(first)) return first

  const refreshed = await refreshTokens()
  if (!refreshed) return first
  return await send(method, url, options, `${refreshed.tokenType} ${refreshed.accessToken}`)
}

/**
 * A 401 about the token itself (expired, unknown) is worth a refresh; others are not (a wrong current password when
 * changing it answers 401 too, and refreshing would only spend the refresh token).
 */
async function isTokenRefusal (res: Response): Promise<boolean> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return true
  try {
    const problem = await res.clone().json() as { code?: string }
    return problem.code === undefined || problem.code === 'invalid_token'
  } catch {
    return true
  }
}

async function send (method: string, url: string, options: RequestOptions, authorization: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (authorization) headers.Authorization = authorization
  let body: BodyInit | undefined
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.form) {
    body = options.form
  }
  try {
    return await fetch(url, { method, headers, body, signal: options.signal })
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err
    throw networkError(err)
  }
}

async function decodeBody<T> (res: Response): Promise<T> {
  if (res.status === 204) return undefined as T
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('json')) return await res.json() as T
  return await res.text() as unknown as T
}

export const api = {
  get: <T>(path: string, query?: Query, options: RequestOptions = {}) => apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, json?: unknown, options: RequestOptions = {}) => apiRequest<T>('POST', path, { ...options, json }),
  put: <T>(path: string, json?: unknown, options: RequestOptions = {}) => apiRequest<T>('PUT', path, { ...options, json }),
  delete: <T = void>(path: string, options: RequestOptions = {}) => apiRequest<T>('DELETE', path, options)
}

export { ApiError }
