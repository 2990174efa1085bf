// The signed-in user's own things: My account (settings) and My library (videos, channels).
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const MyAccountPage = lazyPage(() => import('../pages/account/my-account-page.js'))
const MyLibraryPage = lazyPage(() => import('../pages/account/my-library-page.js'))
const MyVideosPage = lazyPage(() => import('../pages/account/my-videos-page.js'))
const MyChannelsPage = lazyPage(() => import('../pages/account/my-channels-page.js'))
const MyImportsPage = lazyPage(() => import('../pages/imports/my-imports-page.js'))
const ChannelEditPage = lazyPage<{ handle: string }>(() => import('../pages/account/channel-edit-page.js'))

export const accountArea: AppArea = {
  routes: [
    { pattern: '/my-account', render: () => <MyAccountPage />, auth: true },
    { pattern: '/my-account/settings', render: () => <MyAccountPage />, auth: true },
    { pattern: '/my-library', render: () => <MyLibraryPage />, auth: true },
    { pattern: '/my-library/videos', render: () => <MyVideosPage />, auth: true },
    { pattern: '/my-library/video-imports', render: () => <MyImportsPage />, auth: true },
    { pattern: '/my-library/video-channels', render: () => <MyChannelsPage />, auth: true },
    { pattern: '/my-library/video-channels/update/:handle', render: p => <ChannelEditPage handle={p.handle} />, auth: true }
  ],
  menu: [
    { id: 'my-videos', section: 'library', label: 'menu.myVideos', href: '/my-library/videos', icon: 'video', order: 10, testId: 'nav-my-videos', visible: ({ user }) => !!user },
    { id: 'my-imports', section: 'library', label: 'menu.myImports', href: '/my-library/video-imports', icon: 'upload', order: 15, testId: 'nav-my-imports', visible: ({ user }) => !!user },
    { id: 'my-channels', section: 'library', label: 'menu.myChannels', href: '/my-library/video-channels', icon: 'channel', order: 20, activeOn: [ '/my-library/video-channels' ], visible: ({ user }) => !!user },
    { id: 'my-account', section: 'library', label: 'menu.myAccount', href: '/my-account', icon: 'settings', order: 90, visible: ({ user }) => !!user }
  ]
}
