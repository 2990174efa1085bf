// The frame of every page but the embed: top bar, left menu, and the page.
import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import { useStore } from '../../lib/store.js'
import { locationStore } from '../../router.js'
import { t } from '../../i18n/i18n.js'
import { SideMenu } from './SideMenu.js'
import { TopBar } from './TopBar.js'
import { closeDrawer, menuStore } from './menu-state.js'

export function AppLayout ({ children }: { children: ComponentChildren }) {
  const menu = useStore(menuStore)

  useEffect(() => {
    // A new page closes the drawer; so does Escape.
    const unsubscribe = locationStore.subscribe(() => closeDrawer())
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') closeDrawer() }
    document.addEventListener('keydown', onKey)
    return () => { unsubscribe(); document.removeEventListener('keydown', onKey) }
  }, [])

  const classes = [ 'app-shell', menu.collapsed ? 'menu-collapsed' : '', menu.drawerOpen ? 'drawer-open' : '' ].filter(Boolean).join(' ')
  return (
    <div class={classes}>
      <a class="skip-link" href="#main">{t('layout.skipToContent')}</a>
      <TopBar />
      <div class="app-body">
        <SideMenu />
        <main id="main" tabIndex={-1}>{children}</main>
      </div>
    </div>
  )
}
