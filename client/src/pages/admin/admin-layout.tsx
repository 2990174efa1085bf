// /admin/* — sub-navigation and the role check (admins see everything, moderators manage users).
import type { ComponentChildren } from 'preact'
import { isAdmin, isModeratorOrAdmin, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useLocation } from '../../router.js'

const SECTIONS = [
  { path: '/admin', label: 'Overview', adminOnly: false },
  { path: '/admin/users', label: 'Users', adminOnly: false },
  { path: '/admin/comments', label: 'Comments', adminOnly: false },
  { path: '/admin/moderation/abuses', label: 'Moderation', adminOnly: false },
  { path: '/admin/follows', label: 'Follows', adminOnly: true },
  { path: '/admin/jobs', label: 'Jobs', adminOnly: true },
  { path: '/admin/deliveries', label: 'Deliveries', adminOnly: true },
  { path: '/admin/runners', label: 'Runners', adminOnly: true },
  { path: '/admin/settings', label: 'Settings', adminOnly: true }
]

export function AdminLayout ({ children, adminOnly = false }: { children: ComponentChildren; adminOnly?: boolean }) {
  const { user } = useStore(sessionStore)
  const { path } = useLocation()
  if (!isModeratorOrAdmin(user) || (adminOnly && !isAdmin(user))) {
    return <p class="error" role="alert" data-testid="admin-forbidden">This page is for administrators.</p>
  }
  return (
    <section class="admin" data-testid="admin-page">
      <nav class="tabs" aria-label="Administration">
        {SECTIONS.filter(s => !s.adminOnly || isAdmin(user)).map(s => (
          <a key={s.path} href={s.path} aria-current={path === s.path || (s.label === 'Moderation' && path.startsWith('/admin/moderation')) ? 'page' : undefined} data-testid={`admin-tab-${s.label.toLowerCase()}`}>{s.label}</a>
        ))}
      </nav>
      {children}
    </section>
  )
}
