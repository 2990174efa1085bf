// Administration: for moderators and administrators only (the pages are refused to anyone else).
import type { User } from '../../../shared/models/client-user.js'
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'
import { isAdmin, isModeratorOrAdmin } from '../lib/session.js'

const AdminOverview = lazyPage(() => import('../pages/admin/admin-overview.js'))
const AdminUsers = lazyPage(() => import('../pages/admin/admin-users.js'))
const AdminFollows = lazyPage(() => import('../pages/admin/admin-follows.js'))
const AdminJobs = lazyPage(() => import('../pages/admin/admin-jobs.js'))
const AdminSettings = lazyPage(() => import('../pages/admin/admin-settings.js'))
const AdminDeliveries = lazyPage(() => import('../pages/admin/admin-deliveries.js'))
const AdminRunners = lazyPage(() => import('../pages/admin/admin-runners.js'))
const AdminStorage = lazyPage(() => import('../pages/admin/admin-storage.js'))
const AdminIdentityConflicts = lazyPage(() => import('../pages/admin/admin-identity-conflicts.js'))

const moderator = (user: User) => isModeratorOrAdmin(user)
const administrator = (user: User) => isAdmin(user)

export const adminArea: AppArea = {
  routes: [
    { pattern: '/admin', render: () => <AdminOverview />, allowed: moderator },
    { pattern: '/admin/users', render: () => <AdminUsers />, allowed: moderator },
    { pattern: '/admin/follows', render: () => <AdminFollows />, allowed: administrator },
    { pattern: '/admin/jobs', render: () => <AdminJobs />, allowed: administrator },
    { pattern: '/admin/settings', render: () => <AdminSettings />, allowed: administrator },
    { pattern: '/admin/deliveries', render: () => <AdminDeliveries />, allowed: administrator },
    { pattern: '/admin/runners', render: () => <AdminRunners />, allowed: administrator },
    { pattern: '/admin/storage', render: () => <AdminStorage />, allowed: administrator },
    { pattern: '/admin/identity-conflicts', render: () => <AdminIdentityConflicts />, allowed: administrator }
  ],
  menu: [
    { id: 'admin', section: 'admin', label: 'menu.adminOverview', href: '/admin', icon: 'admin', order: 10, testId: 'nav-admin', visible: ({ user }) => isModeratorOrAdmin(user) },
    { id: 'admin-users', section: 'admin', label: 'menu.adminUsers', href: '/admin/users', icon: 'users', order: 20, visible: ({ user }) => isModeratorOrAdmin(user) },
    { id: 'admin-follows', section: 'admin', label: 'menu.adminFollows', href: '/admin/follows', icon: 'follows', order: 30, visible: ({ user }) => isAdmin(user) },
    { id: 'admin-jobs', section: 'admin', label: 'menu.adminJobs', href: '/admin/jobs', icon: 'jobs', order: 40, visible: ({ user }) => isAdmin(user) },
    { id: 'admin-deliveries', section: 'admin', label: 'menu.adminDeliveries', href: '/admin/deliveries', icon: 'follows', order: 45, visible: ({ user }) => isAdmin(user) },
    { id: 'admin-runners', section: 'admin', label: 'menu.adminRunners', href: '/admin/runners', icon: 'jobs', order: 47, visible: ({ user }) => isAdmin(user) },
    { id: 'admin-storage', section: 'admin', label: 'menu.adminStorage', href: '/admin/storage', icon: 'settings', order: 48, visible: ({ user }) => isAdmin(user) },
    { id: 'admin-identity-conflicts', section: 'admin', label: 'menu.adminIdentityConflicts', href: '/admin/identity-conflicts', icon: 'follows', order: 49, testId: 'nav-admin-identity-conflicts', visible: ({ user }) => isAdmin(user) },
    { id: 'admin-settings', section: 'admin', label: 'menu.adminSettings', href: '/admin/settings', icon: 'settings', order: 50, visible: ({ user }) => isAdmin(user) }
  ]
}
