// Lives: the "Go live" page (a new live, then its RTMP URL and stream key). The live states of the watch page
// live with the watch page (pages/live/watch-live.tsx).
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const GoLivePage = lazyPage(() => import('../pages/live/go-live-page.js'))

export const liveArea: AppArea = {
  routes: [
    { pattern: '/videos/go-live', render: () => <GoLivePage />, auth: true }
  ],
  menu: [
    {
      id: 'go-live', section: 'library', label: 'menu.goLive', href: '/videos/go-live', icon: 'live', order: 15, testId: 'nav-go-live',
      visible: ({ user, config }) => !!user && config?.live?.enabled === true
    }
  ]
}
