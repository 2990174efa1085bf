// Every area of the client. To add pages and menu entries: write src/areas/<name>.tsx exporting an AppArea and
// add it here (one import, one list item). Order matters for routes only when two patterns could match one path.
import { aboutArea } from '../areas/about.js'
import { accountArea } from '../areas/account.js'
import { adminArea } from '../areas/admin.js'
import { libraryArea } from '../areas/library.js'
import { liveArea } from '../areas/live.js'
import { moderationArea } from '../areas/moderation.js'
import { publishArea } from '../areas/publish.js'
import { signupArea } from '../areas/signup.js'
import { videosArea } from '../areas/videos.js'
import type { AppArea, MenuEntry, PageRoute, TopBarItem } from './types.js'

export const AREAS: AppArea[] = [
  videosArea,
  publishArea,
  accountArea,
  signupArea,
  aboutArea,
  adminArea,
  libraryArea,
  moderationArea,
  liveArea
]

export const ROUTES: PageRoute[] = AREAS.flatMap(area => area.routes ?? [])
export const MENU_ENTRIES: MenuEntry[] = AREAS.flatMap(area => area.menu ?? [])
export const TOP_BAR_ITEMS: TopBarItem[] = AREAS.flatMap(area => area.topBar ?? []).sort((a, b) => a.order - b.order)
