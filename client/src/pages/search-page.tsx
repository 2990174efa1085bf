// Full search results for ?search=, paginated.
import { searchVideos } from '../api/search.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../components/Pagination.js'
import { VideoGrid } from '../components/VideoCard.js'
import { nsfwListParam } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { useLocation } from '../router.js'
import { PlaylistSearchResults } from '../components/PlaylistSearchResults.js'

const PAGE_SIZE = 24

export default function SearchPage () {
  const { query } = useLocation()
  const term = (query.get('search') ?? '').trim()
  const page = pageFromQuery(query)
  const results = useAsync(
    () => term ? searchVideos({ search: term, start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, nsfw: nsfwListParam() }) : Promise.resolve({ total: 0, data: [] }),
    [term, page]
  )
  return (
    <section data-testid="search-page">
      <h1>{term ? `Results for “${term}”` : 'Search'}</h1>
      <ErrorAlert error={results.error} />
      {results.data && <p class="muted" data-testid="search-total">{results.data.total} result{results.data.total === 1 ? '' : 's'}</p>}
      {results.data && <VideoGrid videos={results.data.data} empty="Nothing matches this search." />}
      {results.data && <Pagination total={results.data.total} page={page} pageSize={PAGE_SIZE} />}
      {page === 1 && <PlaylistSearchResults term={term} />}
    </section>
  )
}
