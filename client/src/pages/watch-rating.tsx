// Like and dislike buttons of the watch page, with the video's counts. The counts move at once; the server's
// answer confirms (or, on failure, the previous state comes back with the error).
import { useEffect, useRef, useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { getMyRating, rateVideo, type Rating } from '../api/rates.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { t, tn } from '../i18n/i18n.js'
import { sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

interface RatingState {
  rating: Rating
  likes: number
  dislikes: number
}

/** The counts after moving from one rating to another. */
function moved (state: RatingState, to: Rating): RatingState {
  const delta = (kind: 'like' | 'dislike') => (to === kind ? 1 : 0) - (state.rating === kind ? 1 : 0)
  return { rating: to, likes: state.likes + delta('like'), dislikes: state.dislikes + delta('dislike') }
}

/** A thumb (up, or turned down), drawn inline: emoji fonts are not everywhere. */
function ThumbIcon ({ down }: { down: boolean }) {
  return (
    <svg class="rate-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"
      style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path fill="currentColor" d="M2 10h4v11H2zM7 10l4-7c1.5 0 2.5 1 2 3l-1 4h7c1.5 0 2.5 1.5 2 3l-2 7c-.3.7-1 1-2 1H7z" />
    </svg>
  )
}

export function VideoRating ({ details }: { details: VideoDetails }) {
  const { user } = useStore(sessionStore)
  const [state, setState] = useState<RatingState>({ rating: 'none', likes: details.likes, dislikes: details.dislikes })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  // A click made while the user's rating is still being fetched wins: the answer, read before the click, is stale.
  const chosenSinceFetch = useRef(false)

  useEffect(() => {
    setState({ rating: 'none', likes: details.likes, dislikes: details.dislikes })
    chosenSinceFetch.current = false
    if (!user) return
    let current = true
    getMyRating(details.id).then(rating => {
      if (current && !chosenSinceFetch.current) setState(s => ({ ...s, rating }))
    }, () => undefined)
    return () => { current = false }
  }, [details.id, user?.id])

  const choose = async (kind: 'like' | 'dislike') => {
    if (!user || busy) return
    chosenSinceFetch.current = true
    const before = state
    const next = moved(state, state.rating === kind ? 'none' : kind)
    setState(next)
    setError(null)
    setBusy(true)
    try {
      await rateVideo(details.uuid, next.rating)
    } catch (err) {
      setState(before)
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const button = (kind: 'like' | 'dislike', count: number) => (
    <button type="button" class={`rate-button${state.rating === kind ? ' active' : ''}`} data-testid={`${kind}-button`}
      aria-pressed={state.rating === kind} disabled={!user || busy} onClick={() => void choose(kind)}
      title={user ? t(`rating.${kind}`) : t('rating.loginTitle')} aria-label={tn(kind === 'like' ? 'rating.likes' : 'rating.dislikes', count)}>
      <ThumbIcon down={kind === 'dislike'} /> <span data-testid={`${kind}s-count`}>{count}</span>
    </button>
  )

  return (
    <div class="video-rating" data-testid="video-rating" data-rating={state.rating}>
      {button('like', state.likes)}
      {button('dislike', state.dislikes)}
      {!user && <a class="small" href={`/login?redirect=${encodeURIComponent(location.pathname)}`} data-testid="rating-login">{t('rating.login')}</a>}
      <ErrorAlert error={error} testId="rating-error" />
    </div>
  )
}
