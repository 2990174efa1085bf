// The viewer's library: subscriptions, playlists (and their player), watch later, history, notifications.
import type { AppArea } from '../app/types.js'
import { NotificationBell } from '../components/NotificationBell.js'
import { lazyPage } from '../lazy.js'

const SubscriptionsPage = lazyPage(() => import('../pages/library/subscriptions-page.js'))
const PlaylistsPage = lazyPage(() => import('../pages/library/playlists-page.js'))
const PlaylistEditPage = lazyPage<{ id: string }>(() => import('../pages/library/playlist-edit-page.js'))
const WatchLaterPage = lazyPage(() => import('../pages/library/watch-later-page.js'))
const HistoryPage = lazyPage(() => import('../pages/library/history-page.js'))
const NotificationsPage = lazyPage(() => import('../pages/library/notifications-page.js'))
const PlaylistWatchPage = lazyPage<{ id: string }>(() => import('../pages/library/playlist-watch-page.js'))

export const libraryArea: AppArea = {
  routes: [
    // The left menu's Subscriptions entry (videos area) shows once this route exists.
    { pattern: '/videos/subscriptions', render: () => <SubscriptionsPage />, auth: true },
    { pattern: '/my-library/subscriptions', render: () => <SubscriptionsPage />, auth: true },
    { pattern: '/my-library/video-playlists', render: () => <PlaylistsPage />, auth: true },
    { pattern: '/my-library/video-playlists/:id', render: p => <PlaylistEditPage id={p.id} />, auth: true },
    { pattern: '/my-library/watch-later', render: () => <WatchLaterPage />, auth: true },
    { pattern: '/my-library/history/videos', render: () => <HistoryPage />, auth: true },
    { pattern: '/my-account/notifications', render: () => <NotificationsPage />, auth: true },
    { pattern: '/w/p/:id', render: p => <PlaylistWatchPage id={p.id} /> },
    { pattern: '/videos/watch/playlist/:id', render: p => <PlaylistWatchPage id={p.id} /> },
    { pattern: '/video-playlists/embed/:id', render: p => <PlaylistWatchPage id={p.id} /> },
    { pattern: '/video-playlists/:id', render: p => <PlaylistWatchPage id={p.id} /> }
  ],
  menu: [
    { id: 'playlists', section: 'library', label: 'menu.playlists', href: '/my-library/video-playlists', icon: 'playlist', order: 30, activeOn: [ '/my-library/video-playlists' ], visible: ({ user }) => !!user },
    { id: 'watch-later', section: 'library', label: 'menu.watchLater', href: '/my-library/watch-later', icon: 'clock', order: 40, visible: ({ user }) => !!user },
    { id: 'history', section: 'library', label: 'menu.history', href: '/my-library/history/videos', icon: 'history', order: 50, visible: ({ user }) => !!user }
  ],
  topBar: [
    { id: 'notifications', order: 10, render: ({ user }) => (user ? <NotificationBell user={user} /> : null) }
  ]
}
