// The page for the current URL, inside the layout. Routes come from the areas (src/app/areas.ts).
import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import type { User } from '../../shared/models/client-user.js'
import { ROUTES } from './app/areas.js'
import { findRoute } from './app/find-route.js'
import { AppLayout } from './app/layout/AppLayout.js'
import type { PageRoute } from './app/types.js'
import { UnavailablePage } from './components/UnavailablePage.js'
import { languageStore, t } from './i18n/i18n.js'
import { lazyPage } from './lazy.js'
import { sessionStore } from './lib/session.js'
import { useStore } from './lib/store.js'
import { matchPath, navigate, useLocation } from './router.js'

const EmbedPage = lazyPage<{ id: string }>(() => import('./pages/embed-page.js'))

function RequireAuth ({ allowed, children }: { allowed?: (user: User) => boolean; children: ComponentChildren }) {
  const { ready, user } = useStore(sessionStore)
  const { href } = useLocation()
  useEffect(() => {
    if (ready && !user) navigate(`/login?redirect=${encodeURIComponent(href)}`, { replace: true })
  }, [ready, user, href])
  if (!ready || !user) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  // Pages are never shown, even briefly, to someone who may not use them.
  if (allowed && !allowed(user)) return <UnavailablePage kind="forbidden" />
  return <>{children}</>
}

function renderRoute (route: PageRoute, params: Record<string, string>) {
  const content = route.render(params)
  return route.auth || route.allowed ? <RequireAuth allowed={route.allowed}>{content}</RequireAuth> : content
}

export function App () {
  const { path } = useLocation()
  // A new language re-renders every page from scratch.
  const language = useStore(languageStore)
  const embed = matchPath('/videos/embed/:id', path)
  // The embed page is the player alone: no menu, no frame.
  if (embed) return <EmbedPage key={language} id={embed.id} />

  const found = findRoute(ROUTES, path)
  return (
    <AppLayout key={language}>
      {found ? renderRoute(found.route, found.params) : <UnavailablePage kind="not-found" what="page" />}
    </AppLayout>
  )
}
