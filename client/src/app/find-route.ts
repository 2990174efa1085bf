import { matchPath } from '../router.js'
import type { PageRoute } from './types.js'

export function findRoute (routes: PageRoute[], path: string): { route: PageRoute; params: Record<string, string> } | null {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path
  for (const route of routes) {
    const params = matchPath(route.pattern, normalized)
    if (params) return { route, params }
  }
  return null
}
