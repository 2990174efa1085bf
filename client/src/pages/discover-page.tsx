// /videos/overview — "Discover": the latest videos grouped by category, by channel and by tag.
import type { Video } from '../../../shared/models/client-video.js'
import { listVideos } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { VideoGrid, channelPath } from '../components/VideoCard.js'
import { t } from '../i18n/i18n.js'
import { constantLabel } from '../lib/constants.js'
import { nsfwListParam } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'

/** How many recent videos are grouped, how many groups of each kind, and how many videos per group. */
const SAMPLE = 100
const GROUPS = 3
const PER_GROUP = 4

interface Group { key: string; title: string; href: string; videos: Video[] }

function topGroups (videos: Video[], keyOf: (video: Video) => string[], describe: (key: string, sample: Video) => Omit<Group, 'videos' | 'key'>): Group[] {
  const groups = new Map<string, Video[]>()
  for (const video of videos) {
    for (const key of keyOf(video)) groups.set(key, [ ...(groups.get(key) ?? []), video ])
  }
  return [ ...groups.entries() ]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, GROUPS)
    .map(([ key, list ]) => ({ key, ...describe(key, list[0]), videos: list.slice(0, PER_GROUP) }))
}

export default function DiscoverPage () {
  const recent = useAsync(() => listVideos({ count: SAMPLE, sort: '-publishedAt', nsfw: nsfwListParam() }), [])
  const videos = recent.data?.data ?? []

  const categories = topGroups(videos, v => (v.category?.id ? [ String(v.category.id) ] : []),
    (key, sample) => ({ title: constantLabel('category', sample.category), href: `/videos/recently-added?category=${key}` }))
  const channels = topGroups(videos, v => [ `${v.channel.name}@${v.channel.host}` ],
    (_key, sample) => ({ title: sample.channel.displayName, href: channelPath(sample.channel) }))
  const tags = topGroups(videos, v => (v as Video & { tags?: string[] }).tags ?? [],
    key => ({ title: `#${key}`, href: `/videos/recently-added?tag=${encodeURIComponent(key)}` }))

  const sections = [
    { id: 'categories', heading: t('discover.byCategory'), groups: categories },
    { id: 'channels', heading: t('discover.byChannel'), groups: channels },
    { id: 'tags', heading: t('discover.byTag'), groups: tags }
  ].filter(section => section.groups.length > 0)

  return (
    <section data-testid="discover-page">
      <h1>{t('menu.discover')}</h1>
      <ErrorAlert error={recent.error} />
      {recent.loading && !recent.data && <p class="muted" aria-busy="true">{t('common.loading')}</p>}
      {recent.data && sections.length === 0 && <p class="muted" data-testid="empty-list">{t('discover.empty')}</p>}
      {sections.map(section => (
        <div key={section.id} data-testid={`discover-${section.id}`}>
          {section.groups.map(group => (
            <div class="discover-group" key={group.key}>
              <h2 class="section-title"><span class="muted small">{section.heading}</span> <a href={group.href}>{group.title}</a></h2>
              <VideoGrid videos={group.videos} />
            </div>
          ))}
        </div>
      ))}
    </section>
  )
}
