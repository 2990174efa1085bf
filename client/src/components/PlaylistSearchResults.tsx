// Playlists matching a search term, under the video results.
import { searchPlaylists } from '../api/playlists.js'
import { useAsync } from '../lib/use-async.js'
import { PlaylistGrid } from './PlaylistCard.js'

export function PlaylistSearchResults ({ term }: { term: string }) {
  const results = useAsync(() => (term ? searchPlaylists(term, { count: 12 }) : Promise.resolve({ total: 0, data: [] })), [term])
  if (!results.data || results.data.total === 0) return null
  return (
    <section data-testid="search-playlists">
      <h2>Playlists</h2>
      <PlaylistGrid playlists={results.data.data} />
    </section>
  )
}
