// Subscribe / Unsubscribe to a channel (local or remote handle).
import { useEffect, useState } from 'preact/hooks'
import { isSubscribed, subscribe, unsubscribe } from '../api/library.js'
import { sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { ErrorAlert } from './ErrorAlert.js'

export function SubscribeButton ({ handle }: { handle: string }) {
  const { user } = useStore(sessionStore)
  const [subscribed, setSubscribed] = useState<boolean | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    if (user) isSubscribed(handle).then(setSubscribed, () => setSubscribed(false))
  }, [user?.id, handle])
  if (!user) return <a class="button" href={`/login?redirect=${encodeURIComponent(location.pathname)}`}>Subscribe</a>

  const toggle = async () => {
    setError(null)
    try {
      if (subscribed) await unsubscribe(handle)
      else await subscribe(handle)
      setSubscribed(!subscribed)
    } catch (err) {
      setError(err)
    }
  }
  return (
    <span class="subscribe">
      <button type="button" class={subscribed ? '' : 'primary'} onClick={toggle} disabled={subscribed === null} data-testid="subscribe-button"
        data-subscribed={subscribed ? 'true' : 'false'}>{subscribed ? 'Unsubscribe' : 'Subscribe'}</button>
      <ErrorAlert error={error} testId="subscribe-error" />
    </span>
  )
}
