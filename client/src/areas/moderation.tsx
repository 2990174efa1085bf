// Moderation: the administration's Moderation section (reports, blocked videos, mutes, registrations) and the
// comments list, plus each user's own reports and mutes. Sign-up requests are made on /signup (signup area).
import type { User } from '../../../shared/models/client-user.js'
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'
import { isModeratorOrAdmin } from '../lib/session.js'
import { navigate } from '../router.js'
import { useEffect } from 'preact/hooks'

const AdminAbuses = lazyPage(() => import('../pages/admin/moderation/admin-abuses.js'))
const AdminVideoBlocks = lazyPage(() => import('../pages/admin/moderation/admin-video-blocks.js'))
const AdminMutedAccounts = lazyPage<object>(() => import('../pages/admin/moderation/admin-blocklist.js').then(m => ({ default: m.AdminMutedAccounts })))
const AdminMutedServers = lazyPage<object>(() => import('../pages/admin/moderation/admin-blocklist.js').then(m => ({ default: m.AdminMutedServers })))
const AdminRegistrations = lazyPage(() => import('../pages/admin/moderation/admin-registrations.js'))
const AdminComments = lazyPage(() => import('../pages/admin/admin-comments.js'))
const MyAbusesPage = lazyPage(() => import('../pages/account/my-abuses-page.js'))
const MyBlocklistPage = lazyPage(() => import('../pages/account/my-blocklist-page.js'))

const moderator = (user: User) => isModeratorOrAdmin(user)

/** One sign-up flow: /signup asks for the reason itself when a moderator approves sign-ups. */
function RedirectTo ({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to])
  return null
}

export const moderationArea: AppArea = {
  routes: [
    { pattern: '/admin/moderation', render: () => <AdminAbuses />, allowed: moderator },
    { pattern: '/admin/moderation/abuses', render: () => <AdminAbuses />, allowed: moderator },
    { pattern: '/admin/moderation/video-blocks', render: () => <AdminVideoBlocks />, allowed: moderator },
    { pattern: '/admin/moderation/muted-accounts', render: () => <AdminMutedAccounts />, allowed: moderator },
    { pattern: '/admin/moderation/muted-servers', render: () => <AdminMutedServers />, allowed: moderator },
    { pattern: '/admin/moderation/registrations', render: () => <AdminRegistrations />, allowed: moderator },
    { pattern: '/admin/comments', render: () => <AdminComments />, allowed: moderator },
    { pattern: '/my-account/abuses', render: () => <MyAbusesPage />, auth: true },
    { pattern: '/my-account/blocklist', render: () => <MyBlocklistPage />, auth: true },
    { pattern: '/signup/request', render: () => <RedirectTo to="/signup" /> }
  ],
  menu: [
    { id: 'admin-moderation', section: 'admin', label: 'menu.adminModeration', href: '/admin/moderation/abuses', icon: 'flag', order: 22, activeOn: [ '/admin/moderation' ], visible: ({ user }) => isModeratorOrAdmin(user) },
    { id: 'admin-comments', section: 'admin', label: 'menu.adminComments', href: '/admin/comments', icon: 'comment', order: 24, visible: ({ user }) => isModeratorOrAdmin(user) }
  ]
}
