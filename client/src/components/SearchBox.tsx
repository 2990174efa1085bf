// Header search: suggestions appear as you type (debounced /search/videos), Enter opens the results page.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Video } from '../../../shared/models/client-video.js'
import { searchVideos } from '../api/search.js'
import { t } from '../i18n/i18n.js'
import { nsfwListParam } from '../lib/session.js'
import { navigate, useLocation } from '../router.js'
import { watchPath } from './VideoCard.js'

const DEBOUNCE_MS = 250
const SUGGESTIONS = 5

export function SearchBox () {
  const location = useLocation()
  const [text, setText] = useState(location.path === '/search' ? location.query.get('search') ?? '' : '')
  const [results, setResults] = useState<Video[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const abort = useRef<AbortController | null>(null)

  useEffect(() => {
    const term = text.trim()
    if (term.length < 2) {
      setResults([])
      return
    }
    const timer = setTimeout(() => {
      abort.current?.abort()
      const controller = new AbortController()
      abort.current = controller
      searchVideos({ search: term, count: SUGGESTIONS, nsfw: nsfwListParam() }, controller.signal)
        .then(reply => { setResults(reply.data); setActive(-1) })
        .catch(() => undefined)
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  const submit = (event: Event) => {
    event.preventDefault()
    setOpen(false)
    if (active >= 0 && results[active]) navigate(watchPath(results[active]))
    else if (text.trim()) navigate(`/search?search=${encodeURIComponent(text.trim())}`)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive(i => Math.min(results.length - 1, i + 1)) } else if (event.key === 'ArrowUp') { event.preventDefault(); setActive(i => Math.max(-1, i - 1)) } else if (event.key === 'Escape') setOpen(false)
  }

  const showList = open && results.length > 0
  return (
    <form class="search-box" role="search" onSubmit={submit}>
      <input
        type="search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        data-testid="search-input"
        value={text}
        autocomplete="off"
        role="combobox"
        list={undefined}
        aria-expanded={showList}
        aria-controls="search-suggestions"
        aria-activedescendant={active >= 0 ? `search-suggestion-${active}` : undefined}
        onInput={e => { setText((e.currentTarget as HTMLInputElement).value); setOpen(true) }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul id="search-suggestions" class="search-suggestions" role="listbox" data-testid="search-suggestions">
          {results.map((video, i) => (
            <li key={video.uuid} id={`search-suggestion-${i}`} role="option" aria-selected={i === active} class={i === active ? 'active' : ''}>
              <a href={watchPath(video)} onMouseDown={e => e.preventDefault()} onClick={() => setOpen(false)}>{video.name}</a>
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
