// Route table and page frame. Pages other than home and watch load on demand.
import type { ComponentChildren, FunctionComponent } from 'preact'
import { useEffect } from 'preact/hooks'
import { Header } from './components/Header.js'
import { lazyPage } from './lazy.js'
import { sessionStore } from './lib/session.js'
import { useStore } from './lib/store.js'
import HomePage from './pages/home-page.js'
import WatchPage from './pages/watch-page.js'
import { matchPath, navigate, useLocation } from './router.js'

const LoginPage = lazyPage(() => import('./pages/login-page.js'))
const SearchPage = lazyPage(() => import('./pages/search-page.js'))
const EmbedPage = lazyPage<{ id: string }>(() => import('./pages/embed-page.js'))
const ChannelPage = lazyPage<{ handle: string }>(() => import('./pages/channel-page.js').then(m => ({ default: m.ChannelPage })))
const AccountPage = lazyPage<{ name: string }>(() => import('./pages/channel-page.js').then(m => ({ default: m.AccountPage })))
const UploadPage = lazyPage(() => import('./pages/upload-page.js'))
const VideoEditPage = lazyPage<{ id: string }>(() => import('./pages/video-edit-page.js'))
const MyVideosPage = lazyPage(() => import('./pages/my-videos-page.js'))
const MyChannelsPage = lazyPage(() => import('./pages/my-channels-page.js'))
const MyAccountPage = lazyPage(() => import('./pages/my-account-page.js'))
const AdminOverview = lazyPage(() => import('./pages/admin/admin-overview.js'))
const AdminUsers = lazyPage(() => import('./pages/admin/admin-users.js'))
const AdminFollows = lazyPage(() => import('./pages/admin/admin-follows.js'))
const AdminJobs = lazyPage(() => import('./pages/admin/admin-jobs.js'))
const AdminDeliveries = lazyPage(() => import('./pages/admin/admin-deliveries.js'))
const AdminSettings = lazyPage(() => import('./pages/admin/admin-settings.js'))
const AdminComments = lazyPage(() => import('./pages/admin/admin-comments.js'))
const AdminAbuses = lazyPage(() => import('./pages/admin/moderation/admin-abuses.js'))
const AdminVideoBlocks = lazyPage(() => import('./pages/admin/moderation/admin-video-blocks.js'))
const AdminMutedAccounts = lazyPage<object>(() => import('./pages/admin/moderation/admin-blocklist.js').then(m => ({ default: m.AdminMutedAccounts })))
const AdminMutedServers = lazyPage<object>(() => import('./pages/admin/moderation/admin-blocklist.js').then(m => ({ default: m.AdminMutedServers })))
const AdminRegistrations = lazyPage(() => import('./pages/admin/moderation/admin-registrations.js'))
const AdminRunners = lazyPage(() => import('./pages/admin/admin-runners.js'))
const RegistrationRequestPage = lazyPage(() => import('./pages/registration-request-page.js'))
const MyAbusesPage = lazyPage(() => import('./pages/my-abuses-page.js'))
const MyBlocklistPage = lazyPage(() => import('./pages/my-blocklist-page.js'))
// The viewer's library (issue 14)
const SubscriptionsPage = lazyPage(() => import('./pages/library/subscriptions-page.js'))
const PlaylistsPage = lazyPage(() => import('./pages/library/playlists-page.js'))
const PlaylistEditPage = lazyPage<{ id: string }>(() => import('./pages/library/playlist-edit-page.js'))
const WatchLaterPage = lazyPage(() => import('./pages/library/watch-later-page.js'))
const HistoryPage = lazyPage(() => import('./pages/library/history-page.js'))
const NotificationsPage = lazyPage(() => import('./pages/notifications-page.js'))
const PlaylistWatchPage = lazyPage<{ id: string }>(() => import('./pages/playlist-watch-page.js'))
const ForgotPasswordPage = lazyPage(() => import('./pages/account/forgot-password-page.js'))
const ResetPasswordPage = lazyPage(() => import('./pages/account/reset-password-page.js'))
const VerifyEmailPage = lazyPage(() => import('./pages/account/verify-email-page.js'))
const ContactPage = lazyPage(() => import('./pages/contact-page.js'))

interface Route {
  pattern: string
  render: (params: Record<string, string>) => ComponentChildren
  /** Needs a signed-in user: anonymous visitors are sent to /login and brought back. */
  auth?: boolean
}

const page = (Component: FunctionComponent) => () => <Component />

const ROUTES: Route[] = [
  { pattern: '/', render: () => <HomePage tab="recent" /> },
  { pattern: '/videos/recently-added', render: () => <HomePage tab="recent" /> },
  { pattern: '/videos/trending', render: () => <HomePage tab="trending" /> },
  { pattern: '/videos/local', render: () => <HomePage tab="local" /> },
  { pattern: '/search', render: page(SearchPage) },
  { pattern: '/videos/watch/:id', render: p => <WatchPage id={p.id} /> },
  { pattern: '/w/:id', render: p => <WatchPage id={p.id} /> },
  { pattern: '/c/:handle', render: p => <ChannelPage handle={p.handle} /> },
  { pattern: '/c/:handle/videos', render: p => <ChannelPage handle={p.handle} /> },
  { pattern: '/video-channels/:handle', render: p => <ChannelPage handle={p.handle} /> },
  { pattern: '/a/:name', render: p => <AccountPage name={p.name} /> },
  { pattern: '/a/:name/videos', render: p => <AccountPage name={p.name} /> },
  { pattern: '/accounts/:name', render: p => <AccountPage name={p.name} /> },
  { pattern: '/login', render: page(LoginPage) },
  { pattern: '/upload', render: page(UploadPage), auth: true },
  { pattern: '/videos/upload', render: page(UploadPage), auth: true },
  { pattern: '/videos/update/:id', render: p => <VideoEditPage id={p.id} />, auth: true },
  { pattern: '/my-library/videos', render: page(MyVideosPage), auth: true },
  { pattern: '/my-library/video-channels', render: page(MyChannelsPage), auth: true },
  { pattern: '/my-account', render: page(MyAccountPage), auth: true },
  { pattern: '/my-account/settings', render: page(MyAccountPage), auth: true },
  { pattern: '/admin', render: page(AdminOverview), auth: true },
  { pattern: '/admin/users', render: page(AdminUsers), auth: true },
  { pattern: '/admin/follows', render: page(AdminFollows), auth: true },
  { pattern: '/admin/jobs', render: page(AdminJobs), auth: true },
  { pattern: '/admin/deliveries', render: page(AdminDeliveries), auth: true },
  { pattern: '/admin/runners', render: page(AdminRunners), auth: true },
  { pattern: '/admin/settings', render: page(AdminSettings), auth: true },
  { pattern: '/admin/comments', render: page(AdminComments), auth: true },
  // Moderation (issue 13)
  { pattern: '/admin/moderation', render: page(AdminAbuses), auth: true },
  { pattern: '/admin/moderation/abuses', render: page(AdminAbuses), auth: true },
  { pattern: '/admin/moderation/video-blocks', render: page(AdminVideoBlocks), auth: true },
  { pattern: '/admin/moderation/muted-accounts', render: page(AdminMutedAccounts), auth: true },
  { pattern: '/admin/moderation/muted-servers', render: page(AdminMutedServers), auth: true },
  { pattern: '/admin/moderation/registrations', render: page(AdminRegistrations), auth: true },
  { pattern: '/signup/request', render: page(RegistrationRequestPage) },
  { pattern: '/my-account/abuses', render: page(MyAbusesPage), auth: true },
  { pattern: '/my-account/blocklist', render: page(MyBlocklistPage), auth: true },
  { pattern: '/videos/subscriptions', render: page(SubscriptionsPage), auth: true },
  { pattern: '/my-library/subscriptions', render: page(SubscriptionsPage), auth: true },
  { pattern: '/my-library/video-playlists', render: page(PlaylistsPage), auth: true },
  { pattern: '/my-library/video-playlists/:id', render: p => <PlaylistEditPage id={p.id} />, auth: true },
  { pattern: '/my-library/watch-later', render: page(WatchLaterPage), auth: true },
  { pattern: '/my-library/history/videos', render: page(HistoryPage), auth: true },
  { pattern: '/my-account/notifications', render: page(NotificationsPage), auth: true },
  { pattern: '/w/p/:id', render: p => <PlaylistWatchPage id={p.id} /> },
  { pattern: '/videos/watch/playlist/:id', render: p => <PlaylistWatchPage id={p.id} /> },
  { pattern: '/video-playlists/embed/:id', render: p => <PlaylistWatchPage id={p.id} /> },
  { pattern: '/video-playlists/:id', render: p => <PlaylistWatchPage id={p.id} /> },
  { pattern: '/login/forgot-password', render: page(ForgotPasswordPage) },
  { pattern: '/reset-password', render: page(ResetPasswordPage) },
  { pattern: '/verify-account/email', render: page(VerifyEmailPage) },
  { pattern: '/about/contact', render: page(ContactPage) }
]

function findRoute (path: string): { route: Route; params: Record<string, string> } | null {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, normalized)
    if (params) return { route, params }
  }
  return null
}

function RequireAuth ({ children }: { children: ComponentChildren }) {
  const { ready, user } = useStore(sessionStore)
  const { href } = useLocation()
  useEffect(() => {
    if (ready && !user) navigate(`/login?redirect=${encodeURIComponent(href)}`, { replace: true })
  }, [ready, user, href])
  if (!ready || !user) return <p class="muted" aria-busy="true">Loading…</p>
  return <>{children}</>
}

function NotFound () {
  return (
    <section data-testid="not-found">
      <h1>Page not found</h1>
      <p><a href="/">Back to the videos</a></p>
    </section>
  )
}

export function App () {
  const { path } = useLocation()
  const embed = matchPath('/videos/embed/:id', path)
  // The embed page is the player alone: no header, no frame.
  if (embed) return <EmbedPage id={embed.id} />

  const found = findRoute(path)
  const content = found ? found.route.render(found.params) : <NotFound />
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <Header />
      <main id="main" tabIndex={-1}>
        {found?.route.auth ? <RequireAuth>{content}</RequireAuth> : content}
      </main>
    </>
  )
}
