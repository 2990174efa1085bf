// /admin/* — sub-navigation and the role check (admins see everything, moderators manage users).
import type { ComponentChildren } from 'preact'
import { isAdmin, isModeratorOrAdmin, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useLocation } from '../../router.js'
import { t } from '../../i18n/i18n.js'

// `id` gives the tab's test id (admin-tab-<id>).
const SECTIONS = [
  { id: 'overview', path: '/admin', label: 'menu.adminOverview', adminOnly: false },
  { id: 'users', path: '/admin/users', label: 'menu.adminUsers', adminOnly: false },
  { id: 'comments', path: '/admin/comments', label: 'menu.adminComments', adminOnly: false },
  { id: 'moderation', path: '/admin/moderation/abuses', label: 'menu.adminModeration', adminOnly: false, prefix: '/admin/moderation' },
  { id: 'follows', path: '/admin/follows', label: 'menu.adminFollows', adminOnly: true },
  { id: 'jobs', path: '/admin/jobs', label: 'menu.adminJobs', adminOnly: true },
  { id: 'deliveries', path: '/admin/deliveries', label: 'menu.adminDeliveries', adminOnly: true },
  { id: 'runners', path: '/admin/runners', label: 'menu.adminRunners', adminOnly: true },
  { id: 'storage', path: '/admin/storage', label: 'menu.adminStorage', adminOnly: true },
  { id: 'identity-conflicts', path: '/admin/identity-conflicts', label: 'menu.adminIdentityConflicts', adminOnly: true },
  { id: 'settings', path: '/admin/settings', label: 'menu.adminSettings', adminOnly: true }
] as const

function isCurrent (section: typeof SECTIONS[number], path: string): boolean {
  return path === section.path || ('prefix' in section && (path === section.prefix || path.startsWith(section.prefix + '/')))
}

export function AdminLayout ({ children, adminOnly = false }: { children: ComponentChildren; adminOnly?: boolean }) {
  const { user } = useStore(sessionStore)
  const { path } = useLocation()
  if (!isModeratorOrAdmin(user) || (adminOnly && !isAdmin(user))) {
    return <p class="error" role="alert" data-testid="admin-forbidden">{t('admin.forbidden')}</p>
  }
  return (
    <section class="admin" data-testid="admin-page">
      <nav class="tabs" aria-label={t('menu.section.admin')}>
        {SECTIONS.filter(s => !s.adminOnly || isAdmin(user)).map(s => (
          <a key={s.path} href={s.path} aria-current={isCurrent(s, path) ? 'page' : undefined} data-testid={`admin-tab-${s.id}`}>{t(s.label)}</a>
        ))}
      </nav>
      {children}
    </section>
  )
}
