// /admin/moderation/* — the Moderation section's own tabs, inside the administration frame.
import type { ComponentChildren } from 'preact'
import { t, type MessageKey } from '../../../i18n/i18n.js'
import { useLocation } from '../../../router.js'
import { AdminLayout } from '../admin-layout.js'

const TABS: { path: string; label: MessageKey; id: string }[] = [
  { path: '/admin/moderation/abuses', label: 'moderation.tab.abuses', id: 'abuses' },
  { path: '/admin/moderation/video-blocks', label: 'moderation.tab.videoBlocks', id: 'video-blocks' },
  { path: '/admin/moderation/muted-accounts', label: 'moderation.tab.mutedAccounts', id: 'muted-accounts' },
  { path: '/admin/moderation/muted-servers', label: 'moderation.tab.mutedServers', id: 'muted-servers' },
  { path: '/admin/moderation/registrations', label: 'moderation.tab.registrations', id: 'registrations' }
]

export function ModerationLayout ({ children }: { children: ComponentChildren }) {
  const { path } = useLocation()
  return (
    <AdminLayout>
      <nav class="tabs" aria-label={t('menu.adminModeration')}>
        {TABS.map(tab => (
          <a key={tab.path} href={tab.path} aria-current={path === tab.path || (tab.id === 'abuses' && path === '/admin/moderation') ? 'page' : undefined} data-testid={`moderation-tab-${tab.id}`}>{t(tab.label)}</a>
        ))}
      </nav>
      {children}
    </AdminLayout>
  )
}
