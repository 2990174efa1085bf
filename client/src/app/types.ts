// What an area of the client (videos, account, administration, and those other issues add) contributes: pages
// and left-menu entries. Each area is one file in src/areas/, listed once in src/app/areas.ts.
import type { ComponentChildren } from 'preact'
import type { ServerConfig } from '../../../shared/models/client-server.js'
import type { User } from '../../../shared/models/client-user.js'
import type { MessageKey } from '../i18n/i18n.js'
import type { IconName } from '../components/Icon.js'

export interface PageRoute {
  /** `/videos/watch/:id`; `*` matches the rest. */
  pattern: string
  render: (params: Record<string, string>) => ComponentChildren
  /** Needs a signed-in user: anonymous visitors go to /login and come back. */
  auth?: boolean
  /**
   * Who may open the page once signed in (a role, a right): others get the "not allowed" page, never the page
   * itself. Implies `auth`.
   */
  allowed?: (user: User) => boolean
}

/** The left menu's groups, in this order. */
export const MENU_SECTIONS = [ 'main', 'videos', 'library', 'admin', 'instance' ] as const
export type MenuSectionId = typeof MENU_SECTIONS[number]

export interface MenuContext {
  user: User | null
  config: ServerConfig | null
  /** Whether some area registered a page for this path (menu entries for pages not built yet stay hidden). */
  hasPage: (path: string) => boolean
}

export interface MenuEntry {
  /** `data-testid="menu-<id>"` unless `testId` is given. */
  id: string
  section: MenuSectionId
  label: MessageKey
  href: string
  icon: IconName
  /** Position in its section (lower first); leave gaps (10, 20...) so others can slot in. */
  order: number
  visible?: (context: MenuContext) => boolean
  testId?: string
  /** Also highlighted on these path prefixes (the entry's own href always counts). */
  activeOn?: string[]
}

/** Something shown in the top bar next to the account (a notification count...). */
export interface TopBarItem {
  id: string
  order: number
  render: (context: MenuContext) => ComponentChildren
}

export interface AppArea {
  routes?: PageRoute[]
  menu?: MenuEntry[]
  topBar?: TopBarItem[]
}
