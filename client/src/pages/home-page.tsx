// / — what this instance is, its latest videos, and, while it has none, how to get started.
import { listVideos } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { VideoGrid } from '../components/VideoCard.js'
import { t } from '../i18n/i18n.js'
import { Trans } from '../i18n/Trans.js'
import { configStore, isAdmin, nsfwListParam, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'
import { useLocation } from '../router.js'

const SHOWN = 12

function GettingStarted () {
  const { user, ready } = useStore(sessionStore)
  const config = useStore(configStore)
  if (!ready) return null
  const steps = []
  if (!user) {
    if (config?.signup?.allowed) steps.push(<li key="signup"><a href="/signup" data-testid="home-start-signup">{t('home.start.signup')}</a></li>)
    steps.push(<li key="login"><a href="/login">{t('home.start.login')}</a></li>)
  } else {
    steps.push(<li key="upload"><a href="/upload" data-testid="home-start-upload">{t('home.start.upload')}</a></li>)
    steps.push(<li key="channel"><a href="/my-library/video-channels">{t('home.start.channel')}</a></li>)
    if (isAdmin(user)) {
      steps.push(<li key="follow"><a href="/admin/follows">{t('home.start.follow')}</a></li>)
      steps.push(<li key="settings"><a href="/admin/settings">{t('home.start.describe')}</a></li>)
    }
  }
  steps.push(<li key="about"><a href="/about">{t('home.start.about')}</a></li>)
  return (
    <div class="empty-state" data-testid="home-empty">
      <h2>{t('home.empty.title')}</h2>
      <p>{t(user ? 'home.empty.explainUser' : 'home.empty.explainVisitor')}</p>
      <ol class="steps">{steps}</ol>
    </div>
  )
}

export default function HomePage () {
  const config = useStore(configStore)
  const { query } = useLocation()
  const videos = useAsync(() => listVideos({ count: SHOWN, sort: '-publishedAt', nsfw: nsfwListParam() }), [])
  const name = config?.instance?.name || 'Tubeless'
  const empty = videos.data && videos.data.total === 0

  return (
    <section data-testid="home-page">
      {query.get('account-deleted') && <p class="notice" role="status" data-testid="account-deleted">{t('home.accountDeleted')}</p>}
      <header class="home-intro" data-testid="home-intro">
        <h1>{t('home.welcome', { name })}</h1>
        {config?.instance?.shortDescription && <p class="lead">{config.instance.shortDescription}</p>}
        <p class="muted small"><Trans k="home.whatIs" slots={{ about: <a href="/about">{t('home.aboutLink')}</a> }} /></p>
      </header>
      <ErrorAlert error={videos.error} />
      {empty && <GettingStarted />}
      {videos.data && !empty && (
        <>
          <h2 class="section-title">{t('menu.recent')} <a class="small" href="/videos/recently-added">{t('home.seeAll')}</a></h2>
          <VideoGrid videos={videos.data.data} />
        </>
      )}
      {videos.loading && !videos.data && <p class="muted" aria-busy="true">{t('common.loading')}</p>}
    </section>
  )
}
