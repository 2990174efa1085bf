// The left menu: a column that can be collapsed on wide screens, a drawer on narrow ones (closed by default).
import { createStore } from '../../lib/store.js'

/** At this width and above the menu is a column beside the page; below, a drawer over it. */
export const WIDE_LAYOUT_QUERY = '(min-width: 1024px)'
const COLLAPSED_KEY = 'tubeless.menu-collapsed'

function readCollapsed (): boolean {
  try { return localStorage.getItem(COLLAPSED_KEY) === '1' } catch { return false }
}

export const menuStore = createStore({ collapsed: readCollapsed(), drawerOpen: false })

export function isWideLayout (): boolean {
  return window.matchMedia(WIDE_LAYOUT_QUERY).matches
}

/** The top bar's menu button: collapses the column on wide screens, opens or closes the drawer on narrow ones. */
export function toggleMenu (): void {
  const state = menuStore.get()
  if (isWideLayout()) {
    const collapsed = !state.collapsed
    try { localStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '0') } catch { /* private mode */ }
    menuStore.set({ ...state, collapsed })
  } else {
    menuStore.set({ ...state, drawerOpen: !state.drawerOpen })
  }
}

export function closeDrawer (): void {
  const state = menuStore.get()
  if (state.drawerOpen) menuStore.set({ ...state, drawerOpen: false })
}

export function isMenuShown (state = menuStore.get()): boolean {
  return isWideLayout() ? !state.collapsed : state.drawerOpen
}
