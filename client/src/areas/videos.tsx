// Watching: home, discover, the video lists, search, the watch page, channels and accounts.
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'
import HomePage from '../pages/home-page.js'
import VideoListPage from '../pages/video-list-page.js'
import WatchPage from '../pages/watch-page.js'

const SearchPage = lazyPage(() => import('../pages/search-page.js'))
const DiscoverPage = lazyPage(() => import('../pages/discover-page.js'))
const ChannelPage = lazyPage<{ handle: string }>(() => import('../pages/channel-page.js').then(m => ({ default: m.ChannelPage })))
const AccountPage = lazyPage<{ name: string }>(() => import('../pages/channel-page.js').then(m => ({ default: m.AccountPage })))

export const videosArea: AppArea = {
  routes: [
    { pattern: '/', render: () => <HomePage /> },
    { pattern: '/home', render: () => <HomePage /> },
    { pattern: '/videos/overview', render: () => <DiscoverPage /> },
    { pattern: '/videos/recently-added', render: () => <VideoListPage list="recent" /> },
    { pattern: '/videos/trending', render: () => <VideoListPage list="trending" /> },
    { pattern: '/videos/local', render: () => <VideoListPage list="local" /> },
    { pattern: '/search', render: () => <SearchPage /> },
    { pattern: '/videos/watch/:id', render: p => <WatchPage id={p.id} /> },
    { pattern: '/w/:id', render: p => <WatchPage id={p.id} /> },
    { pattern: '/c/:handle', render: p => <ChannelPage handle={p.handle} /> },
    { pattern: '/c/:handle/videos', render: p => <ChannelPage handle={p.handle} /> },
    { pattern: '/video-channels/:handle', render: p => <ChannelPage handle={p.handle} /> },
    { pattern: '/a/:name', render: p => <AccountPage name={p.name} /> },
    { pattern: '/a/:name/videos', render: p => <AccountPage name={p.name} /> },
    { pattern: '/accounts/:name', render: p => <AccountPage name={p.name} /> }
  ],
  menu: [
    { id: 'home', section: 'main', label: 'menu.home', href: '/', icon: 'home', order: 10 },
    { id: 'discover', section: 'main', label: 'menu.discover', href: '/videos/overview', icon: 'discover', order: 20 },
    // The page comes with the subscriptions feed (another area): the entry shows once that page is registered.
    {
      id: 'subscriptions', section: 'main', label: 'menu.subscriptions', href: '/videos/subscriptions', icon: 'subscriptions', order: 30,
      visible: ({ user, hasPage }) => !!user && hasPage('/videos/subscriptions')
    },
    { id: 'library', section: 'main', label: 'menu.library', href: '/my-library', icon: 'library', order: 40, visible: ({ user }) => !!user },
    { id: 'trending', section: 'videos', label: 'menu.trending', href: '/videos/trending', icon: 'trending', order: 10 },
    { id: 'recent', section: 'videos', label: 'menu.recent', href: '/videos/recently-added', icon: 'recent', order: 20 },
    { id: 'local', section: 'videos', label: 'menu.local', href: '/videos/local', icon: 'local', order: 30 }
  ]
}
