// /about — the instance: who runs it and why, its rules, its figures, and the instances it follows and is followed by.
import type { Follow } from '../../../shared/models/client-server.js'
import { getAbout, getServerStats, listFollowers, listFollowing } from '../api/server.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { t, tn } from '../i18n/i18n.js'
import { formatBytes } from '../lib/format.js'
import { configStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'

/** Followed and following instances are listed by host (accounts and channels followed one by one are left out). */
const INSTANCE_ACTOR = 'peertube'

function hostsOf (follows: Follow[] | undefined, side: 'follower' | 'following'): string[] {
  return [ ...new Set((follows ?? []).filter(f => f.state === 'accepted' && f[side].name === INSTANCE_ACTOR).map(f => f[side].host)) ].sort()
}

function TextBlock ({ id, title, text }: { id: string; title: string; text: string | undefined }) {
  if (!text?.trim()) return null
  return (
    <div class="about-block" data-testid={`about-${id}`}>
      <h3>{title}</h3>
      <Markdown source={text} />
    </div>
  )
}

export default function AboutPage () {
  const config = useStore(configStore)
  const about = useAsync(() => getAbout(), [])
  const stats = useAsync(() => getServerStats(), [])
  const following = useAsync(() => listFollowing({ count: 100, state: 'accepted' }), [])
  const followers = useAsync(() => listFollowers({ count: 100, state: 'accepted' }), [])
  const instance = about.data?.instance
  const followed = hostsOf(following.data?.data, 'following')
  const followedBy = hostsOf(followers.data?.data, 'follower')

  return (
    <article class="about" data-testid="about-page">
      <h1>{t('about.title', { name: instance?.name ?? config?.instance?.name ?? 'Tubeless' })}</h1>
      <ErrorAlert error={about.error} />
      {instance?.shortDescription && <p class="lead">{instance.shortDescription}</p>}
      <Markdown source={instance?.description} testId="about-description" />

      <section>
        <h2>{t('about.who')}</h2>
        <TextBlock id="administrator" title={t('about.administrator')} text={instance?.administrator} />
        <TextBlock id="creation-reason" title={t('about.creationReason')} text={instance?.creationReason} />
        <TextBlock id="maintenance" title={t('about.maintenance')} text={instance?.maintenanceLifetime} />
        <TextBlock id="business-model" title={t('about.businessModel')} text={instance?.businessModel} />
        {instance && !instance.administrator && !instance.creationReason && <p class="muted">{t('about.whoUnknown')}</p>}
      </section>

      <section>
        <h2>{t('about.rules')}</h2>
        <TextBlock id="terms" title={t('about.terms')} text={instance?.terms} />
        <TextBlock id="code-of-conduct" title={t('about.codeOfConduct')} text={instance?.codeOfConduct} />
        <TextBlock id="moderation" title={t('about.moderation')} text={instance?.moderationInformation} />
      </section>

      {stats.data && (
        <section>
          <h2>{t('about.figures')}</h2>
          <dl class="stats-grid" data-testid="about-stats">
            <div><dt>{t('about.stats.users')}</dt><dd>{stats.data.totalUsers.toLocaleString()}</dd></div>
            <div><dt>{t('about.stats.localVideos')}</dt><dd>{stats.data.totalLocalVideos.toLocaleString()}</dd></div>
            <div><dt>{t('about.stats.views')}</dt><dd>{stats.data.totalLocalVideoViews.toLocaleString()}</dd></div>
            <div><dt>{t('about.stats.videos')}</dt><dd>{stats.data.totalVideos.toLocaleString()}</dd></div>
            <div><dt>{t('about.stats.storage')}</dt><dd>{formatBytes(stats.data.totalLocalVideoFilesSize)}</dd></div>
          </dl>
        </section>
      )}

      <section data-testid="about-federation">
        <h2>{t('about.federation')}</h2>
        <p class="muted">{t('about.federationExplain')}</p>
        <div class="form-columns">
          <div>
            <h3>{tn('about.following', followed.length)}</h3>
            {followed.length === 0 ? <p class="muted">{t('about.none')}</p> : <ul data-testid="about-following">{followed.map(host => <li key={host}>{host}</li>)}</ul>}
          </div>
          <div>
            <h3>{tn('about.followers', followedBy.length)}</h3>
            {followedBy.length === 0 ? <p class="muted">{t('about.none')}</p> : <ul data-testid="about-followers">{followedBy.map(host => <li key={host}>{host}</li>)}</ul>}
          </div>
        </div>
      </section>

      <section>
        <h2>{t('about.software')}</h2>
        <TextBlock id="hardware" title={t('about.hardware')} text={instance?.hardwareInformation} />
        <p class="muted small">{t('about.softwareText', { version: config?.serverVersion ?? '?' })}</p>
      </section>
    </article>
  )
}
