// A tiny History-API router: a location store, path patterns with :params, and click interception
// for same-origin links so navigation does not reload the page.
import { createStore, useStore } from './lib/store.js'

export interface AppLocation {
  path: string
  query: URLSearchParams
  /** path + search, handy as a "return to" value. */
  href: string
}

function readLocation (): AppLocation {
  const { pathname, search } = window.location
  return { path: pathname, query: new URLSearchParams(search), href: pathname + search }
}

export const locationStore = createStore<AppLocation>(readLocation())

export function useLocation (): AppLocation {
  return useStore(locationStore)
}

export function navigate (to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href)
  if (url.origin !== window.location.origin) {
    window.location.assign(url.toString())
    return
  }
  const target = url.pathname + url.search + url.hash
  if (options.replace) history.replaceState(null, '', target)
  else history.pushState(null, '', target)
  locationStore.set(readLocation())
  if (!options.replace && !url.hash) window.scrollTo(0, 0)
}

/** Changes one or more query parameters of the current page (empty values are removed). */
export function setQuery (changes: Record<string, string | number | null | undefined>, options: { replace?: boolean } = {}): void {
  const query = new URLSearchParams(window.location.search)
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') query.delete(key)
    else query.set(key, String(value))
  }
  const search = query.toString()
  navigate(window.location.pathname + (search ? `?${search}` : ''), options)
}

/** "/videos/watch/:id" against "/videos/watch/abc" -> { id: "abc" }; "*" matches the rest. */
export function matchPath (pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean)
  const pathParts = path.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  for (let i = 0; i < patternParts.length; i++) {
    const part = patternParts[i]
    if (part === '*') {
      params['*'] = pathParts.slice(i).map(decodeURIComponent).join('/')
      return params
    }
    const value = pathParts[i]
    if (value === undefined) return null
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value)
    else if (part !== value) return null
  }
  return pathParts.length === patternParts.length ? params : null
}

export function installRouter (): void {
  window.addEventListener('popstate', () => locationStore.set(readLocation()))
  document.addEventListener('click', event => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = (event.target as Element | null)?.closest?.('a')
    if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download') || anchor.dataset.native !== undefined) return
    const url = new URL(anchor.href)
    if (url.origin !== window.location.origin) return
    // Server-rendered or static resources must be fetched for real.
    if (/^\/(api|static|lazy-static|download|feeds|tracker)\//.test(url.pathname)) return
    event.preventDefault()
    navigate(url.pathname + url.search + url.hash)
  })
}
