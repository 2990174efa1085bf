// What people see instead of a page they cannot have: it does not exist, it is private, it was blocked, they may
// not use it, or the server could not be reached. Tells them why and where to go.
import { ApiError } from '../api/problem.js'
import { problemSentence } from '../errors/problem-sentences.js'
import { t, type MessageKey } from '../i18n/i18n.js'
import { sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useLocation } from '../router.js'

export type UnavailableKind = 'not-found' | 'private' | 'blocked' | 'forbidden' | 'error'
export type UnavailableWhat = 'video' | 'channel' | 'account' | 'playlist' | 'page'

/** Which kind of "unavailable" a failed load is. A malformed id in a link is a link to nothing: not found. */
export function unavailableKind (error: unknown): UnavailableKind {
  if (!(error instanceof ApiError)) return 'error'
  const detail = `${error.problem?.code ?? ''} ${error.problem?.detail ?? ''}`
  if (/block|blacklist/i.test(detail) && (error.status === 403 || error.status === 404)) return 'blocked'
  if (error.status === 404) return 'not-found'
  if (error.status === 400 && Object.keys(error.fieldErrors).length !== 0) return 'not-found'
  if (error.status === 401) return 'private'
  if (error.status === 403) return 'private'
  return 'error'
}

const TITLES: Record<UnavailableKind, Record<UnavailableWhat, MessageKey>> = {
  'not-found': { video: 'unavailable.notFound.video', channel: 'unavailable.notFound.channel', account: 'unavailable.notFound.account', playlist: 'unavailable.notFound.playlist', page: 'unavailable.notFound.page' },
  private: { video: 'unavailable.private.video', channel: 'unavailable.private.other', account: 'unavailable.private.other', playlist: 'unavailable.private.playlist', page: 'unavailable.private.other' },
  blocked: { video: 'unavailable.blocked.video', channel: 'unavailable.blocked.other', account: 'unavailable.blocked.other', playlist: 'unavailable.blocked.other', page: 'unavailable.blocked.other' },
  forbidden: { video: 'unavailable.forbidden', channel: 'unavailable.forbidden', account: 'unavailable.forbidden', playlist: 'unavailable.forbidden', page: 'unavailable.forbidden' },
  error: { video: 'unavailable.error', channel: 'unavailable.error', account: 'unavailable.error', playlist: 'unavailable.error', page: 'unavailable.error' }
}

const EXPLANATIONS: Record<UnavailableKind, MessageKey> = {
  'not-found': 'unavailable.notFound.explain',
  private: 'unavailable.private.explain',
  blocked: 'unavailable.blocked.explain',
  forbidden: 'unavailable.forbidden.explain',
  error: 'unavailable.error.explain'
}

export function UnavailablePage ({ kind, what = 'page', error }: { kind?: UnavailableKind; what?: UnavailableWhat; error?: unknown }) {
  const { user } = useStore(sessionStore)
  const { href } = useLocation()
  const shown = kind ?? unavailableKind(error)
  const anonymous = !user && (shown === 'private' || shown === 'forbidden')
  return (
    <section class="unavailable narrow" data-testid="unavailable" data-kind={shown} role="alert">
      <h1>{t(TITLES[shown][what])}</h1>
      <p>{shown === 'error' && error ? problemSentence(error) : t(EXPLANATIONS[shown])}</p>
      {anonymous && <p>{t('unavailable.loginHint')} <a class="button primary" href={`/login?redirect=${encodeURIComponent(href)}`} data-testid="unavailable-login">{t('layout.login')}</a></p>}
      <p class="actions">
        {shown === 'error' && <button type="button" onClick={() => window.location.reload()}>{t('common.retry')}</button>}
        <a class="button" href="/">{t('unavailable.backHome')}</a>
      </p>
    </section>
  )
}
