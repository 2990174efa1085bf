// Video lists: recent, trending and local-only, with tag/category filters and pagination.
import type { ResultList } from '../../../shared/models/client-common.js'
import type { Video } from '../../../shared/models/client-video.js'
import { ApiError } from '../api/problem.js'
import { getCategories, listVideos, type VideoListQuery } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../components/Pagination.js'
import { VideoGrid } from '../components/VideoCard.js'
import { nsfwListParam } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { setQuery, useLocation } from '../router.js'

export type HomeTab = 'recent' | 'trending' | 'local'

const PAGE_SIZE = 24
const TABS: { id: HomeTab; path: string; label: string }[] = [
  { id: 'recent', path: '/videos/recently-added', label: 'Recently added' },
  { id: 'trending', path: '/videos/trending', label: 'Trending' },
  { id: 'local', path: '/videos/local', label: 'Local' }
]

let categoriesCache: Promise<Record<string, string>> | null = null

/** Servers without the trending sort reject it; sort by views there instead. */
async function listTrending (query: VideoListQuery): Promise<ResultList<Video>> {
  try {
    return await listVideos({ ...query, sort: '-trending' })
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) return await listVideos({ ...query, sort: '-views' })
    throw err
  }
}

export default function HomePage ({ tab }: { tab: HomeTab }) {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const tag = query.get('tag') ?? ''
  const category = query.get('category') ?? ''

  const categories = useAsync(() => (categoriesCache ??= getCategories().catch(() => ({} as Record<string, string>))), [])
  const list = useAsync(() => {
    const base: VideoListQuery = {
      start: (page - 1) * PAGE_SIZE,
      count: PAGE_SIZE,
      nsfw: nsfwListParam(),
      tagsOneOf: tag ? [tag] : undefined,
      categoryOneOf: category ? [Number(category)] : undefined
    }
    if (tab === 'trending') return listTrending(base)
    return listVideos({ ...base, sort: '-publishedAt', isLocal: tab === 'local' ? true : undefined })
  }, [tab, page, tag, category])

  const current = TABS.find(t => t.id === tab) ?? TABS[0]
  return (
    <section data-testid={`home-${tab}`}>
      <h1 class="visually-hidden">{current.label}</h1>
      <nav class="tabs" aria-label="Video lists">
        {TABS.map(t => <a key={t.id} href={t.path} aria-current={t.id === tab ? 'page' : undefined} data-testid={`tab-${t.id}`}>{t.label}</a>)}
      </nav>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>
          Category{' '}
          <select data-testid="filter-category" value={category} onChange={e => setQuery({ category: (e.currentTarget as HTMLSelectElement).value, page: null })}>
            <option value="">All</option>
            {Object.entries(categories.data ?? {}).map(([id, label]) => <option key={id} value={id}>{label}</option>)}
          </select>
        </label>
        {tag && (
          <span class="chip" data-testid="filter-tag">
            #{tag} <button type="button" class="link-button" aria-label={`Remove tag ${tag}`} onClick={() => setQuery({ tag: null, page: null })}>×</button>
          </span>
        )}
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data && <p class="muted" aria-busy="true">Loading…</p>}
      {list.data && <VideoGrid videos={list.data.data} />}
      {list.data && <Pagination total={list.data.total} page={page} pageSize={PAGE_SIZE} />}
    </section>
  )
}
