// /videos/recently-added, /videos/trending, /videos/local: a paginated list with category and tag filters.
import type { ResultList } from '../../../shared/models/client-common.js'
import type { Video } from '../../../shared/models/client-video.js'
import { ApiError } from '../api/problem.js'
import { listVideos, type VideoListQuery } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../components/Pagination.js'
import { VideoGrid } from '../components/VideoCard.js'
import { t, type MessageKey } from '../i18n/i18n.js'
import { constantOptions } from '../lib/constants.js'
import { categoriesTable } from '../lib/server-tables.js'
import { nsfwListParam } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { setQuery, useLocation } from '../router.js'

export type VideoList = 'recent' | 'trending' | 'local'

const PAGE_SIZE = 24
const TITLES: Record<VideoList, MessageKey> = { recent: 'menu.recent', trending: 'menu.trending', local: 'menu.local' }
const EMPTY: Record<VideoList, MessageKey> = { recent: 'videos.emptyRecent', trending: 'videos.emptyTrending', local: 'videos.emptyLocal' }

/** Servers without the trending sort reject it; sort by views there instead. */
export async function listTrending (query: VideoListQuery): Promise<ResultList<Video>> {
  try {
    return await listVideos({ ...query, sort: '-trending' })
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) return await listVideos({ ...query, sort: '-views' })
    throw err
  }
}

export default function VideoListPage ({ list }: { list: VideoList }) {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const tag = query.get('tag') ?? ''
  const category = query.get('category') ?? ''

  const categories = useAsync(categoriesTable, [])
  const videos = useAsync(() => {
    const base: VideoListQuery = {
      start: (page - 1) * PAGE_SIZE,
      count: PAGE_SIZE,
      nsfw: nsfwListParam(),
      tagsOneOf: tag ? [tag] : undefined,
      categoryOneOf: category ? [Number(category)] : undefined
    }
    if (list === 'trending') return listTrending(base)
    return listVideos({ ...base, sort: '-publishedAt', isLocal: list === 'local' ? true : undefined })
  }, [list, page, tag, category])

  return (
    <section data-testid={`home-${list}`}>
      <h1>{t(TITLES[list])}</h1>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>
          {t('video.category')}{' '}
          <select data-testid="filter-category" value={category} onChange={e => setQuery({ category: (e.currentTarget as HTMLSelectElement).value, page: null })}>
            <option value="">{t('videos.allCategories')}</option>
            {constantOptions('category', categories.data).map(option => <option key={option.id} value={option.id}>{option.label}</option>)}
          </select>
        </label>
        {tag && (
          <span class="chip" data-testid="filter-tag">
            #{tag} <button type="button" class="link-button" aria-label={t('videos.removeTag', { tag })} onClick={() => setQuery({ tag: null, page: null })}>×</button>
          </span>
        )}
      </form>
      <ErrorAlert error={videos.error} />
      {videos.loading && !videos.data && <p class="muted" aria-busy="true">{t('common.loading')}</p>}
      {videos.data && <VideoGrid videos={videos.data.data} empty={t(tag || category ? 'videos.emptyFiltered' : EMPTY[list])} />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}
    </section>
  )
}
