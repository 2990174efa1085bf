// The left menu: sections of entries registered by the areas (src/app/areas.ts), the language and About.
import { Icon } from '../../components/Icon.js'
import { t } from '../../i18n/i18n.js'
import { useStore } from '../../lib/store.js'
import { useLocation } from '../../router.js'
import { MENU_ENTRIES } from '../areas.js'
import { MENU_SECTIONS, type MenuEntry, type MenuSectionId } from '../types.js'
import { LanguagePicker } from './LanguagePicker.js'
import { useMenuContext } from './menu-context.js'
import { closeDrawer, isMenuShown, menuStore } from './menu-state.js'

const SECTION_TITLES: Record<MenuSectionId, Parameters<typeof t>[0] | null> = {
  main: null,
  videos: 'menu.section.videos',
  library: 'menu.section.library',
  admin: 'menu.section.admin',
  instance: 'menu.section.instance'
}

function isActive (entry: MenuEntry, path: string): boolean {
  return path === entry.href || (entry.activeOn ?? []).some(prefix => path === prefix || path.startsWith(prefix + '/'))
}

export function SideMenu () {
  const context = useMenuContext()
  const { path } = useLocation()
  const menu = useStore(menuStore)
  const shown = isMenuShown(menu)
  const visible = MENU_ENTRIES.filter(entry => entry.visible?.(context) ?? true)

  return (
    <>
      <nav id="side-menu" class="side-menu" aria-label={t('layout.menu')} data-testid="side-menu" data-open={shown}>
        {MENU_SECTIONS.map(section => {
          const entries = visible.filter(entry => entry.section === section).sort((a, b) => a.order - b.order)
          if (entries.length === 0) return null
          const title = SECTION_TITLES[section]
          return (
            <div class="menu-section" key={section} data-section={section}>
              {title && <h2 class="menu-title">{t(title)}</h2>}
              <ul>
                {entries.map(entry => (
                  <li key={entry.id}>
                    <a href={entry.href} data-testid={entry.testId ?? `menu-${entry.id}`} onClick={closeDrawer}
                      aria-current={isActive(entry, path) ? 'page' : undefined}>
                      <Icon name={entry.icon} /> <span>{t(entry.label)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )
        })}
        <div class="menu-footer">
          <LanguagePicker />
        </div>
      </nav>
      <div class="menu-backdrop" onClick={closeDrawer} aria-hidden="true" />
    </>
  )
}
