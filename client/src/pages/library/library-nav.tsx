// Tabs of the library section.
import { useLocation } from '../../router.js'

const TABS = [
  { href: '/my-library/subscriptions', label: 'Subscriptions', testId: 'library-tab-subscriptions' },
  { href: '/my-library/video-playlists', label: 'Playlists', testId: 'library-tab-playlists' },
  { href: '/my-library/watch-later', label: 'Watch later', testId: 'library-tab-watch-later' },
  { href: '/my-library/history/videos', label: 'History', testId: 'library-tab-history' },
  { href: '/my-library/videos', label: 'My videos', testId: 'library-tab-videos' }
]

export function LibraryNav () {
  const { path } = useLocation()
  return (
    <nav class="chips" aria-label="Library" data-testid="library-nav">
      {TABS.map(tab => (
        <a key={tab.href} class="chip" href={tab.href} data-testid={tab.testId} aria-current={path.startsWith(tab.href) ? 'page' : undefined}>{tab.label}</a>
      ))}
    </nav>
  )
}
