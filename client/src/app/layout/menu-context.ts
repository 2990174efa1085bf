import { configStore, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { ROUTES } from '../areas.js'
import { findRoute } from '../find-route.js'
import type { MenuContext } from '../types.js'

const hasPage = (path: string) => findRoute(ROUTES, path) !== null

export function useMenuContext (): MenuContext {
  const { user } = useStore(sessionStore)
  const config = useStore(configStore)
  return { user, config, hasPage }
}
