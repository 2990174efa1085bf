// /admin/moderation/* — the Moderation section's own tabs, inside the administration frame.
import type { ComponentChildren } from 'preact'
import { useLocation } from '../../../router.js'
import { AdminLayout } from '../admin-layout.js'

const TABS = [
  { path: '/admin/moderation/abuses', label: 'Reports', id: 'abuses' },
  { path: '/admin/moderation/video-blocks', label: 'Blocked videos', id: 'video-blocks' },
  { path: '/admin/moderation/muted-accounts', label: 'Muted accounts', id: 'muted-accounts' },
  { path: '/admin/moderation/muted-servers', label: 'Muted servers', id: 'muted-servers' },
  { path: '/admin/moderation/registrations', label: 'Registrations', id: 'registrations' }
]

export function ModerationLayout ({ children }: { children: ComponentChildren }) {
  const { path } = useLocation()
  return (
    <AdminLayout>
      <nav class="tabs" aria-label="Moderation">
        {TABS.map(tab => (
          <a key={tab.path} href={tab.path} aria-current={path === tab.path ? 'page' : undefined} data-testid={`moderation-tab-${tab.id}`}>{tab.label}</a>
        ))}
      </nav>
      {children}
    </AdminLayout>
  )
}
