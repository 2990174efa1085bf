// /my-library/subscriptions (and /videos/subscriptions): the new videos of my channels, my channels, subscribe by handle or URL.
import { useState } from 'preact/hooks'
import { listSubscriptionVideos, listSubscriptions, subscribe, unsubscribe } from '../../api/library.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf } from '../../components/FormField.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { VideoGrid, actorHandle, channelPath } from '../../components/VideoCard.js'
import { CatalogueSyncStatus } from '../../components/CatalogueSyncStatus.js'
import { nsfwListParam } from '../../lib/session.js'
import { useAsync } from '../../lib/use-async.js'
import { useLocation } from '../../router.js'
import { LibraryNav } from './library-nav.js'

const PAGE_SIZE = 24

export default function SubscriptionsPage () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const videos = useAsync(() => listSubscriptionVideos({ start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, nsfw: nsfwListParam() }), [page])
  const channels = useAsync(() => listSubscriptions(), [])
  const [uri, setUri] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    setError(null)
    setDone(false)
    try {
      await subscribe(uri.trim())
      setUri('')
      setDone(true)
      // A remote subscription completes in the background: look again shortly.
      setTimeout(() => { channels.reload(); videos.reload() }, 2000)
      channels.reload()
    } catch (err) {
      setError(err)
    }
  }

  const remove = async (handle: string) => {
    await unsubscribe(handle)
    channels.reload()
    videos.reload()
  }

  const fieldErrors = fieldErrorsOf(error)
  return (
    <section data-testid="subscriptions-page">
      <h1>Subscriptions</h1>
      <LibraryNav />
      <form onSubmit={submit} class="inline-form" data-testid="subscribe-form" noValidate>
        <FormField id="uri" label="Subscribe to a channel (name@host or its URL)" error={fieldErrors.uri}>
          <input {...fieldAria('uri', fieldErrors.uri)} value={uri} placeholder="channel@video.example.org" data-testid="subscribe-input"
            onInput={e => setUri((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <button type="submit" class="primary" disabled={!uri.trim()} data-testid="subscribe-submit">Subscribe</button>
      </form>
      {!fieldErrors.uri && <ErrorAlert error={error} testId="subscribe-error" />}
      {done && <p class="notice" role="status" data-testid="subscribe-done">Subscribed. Videos of a remote channel arrive as its catalogue is read.</p>}

      <h2>New videos</h2>
      <ErrorAlert error={videos.error} />
      {videos.data && <VideoGrid videos={videos.data.data} empty="No videos from your subscriptions yet." />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}

      <h2>My channels</h2>
      {channels.data && channels.data.data.length === 0 && <p class="muted">You have not subscribed to any channel yet.</p>}
      <ul class="plain-list" data-testid="subscriptions">
        {channels.data?.data.map(channel => (
          <li key={channel.id} data-testid="subscription" data-handle={actorHandle(channel)}>
            <a href={channelPath(channel)}>{channel.displayName}</a> <span class="muted">{channel.name}@{channel.host}</span>
            {' '}<button type="button" class="link-button" onClick={() => remove(actorHandle(channel))}>Unsubscribe</button>
            <CatalogueSyncStatus handle={actorHandle(channel)} />
          </li>
        ))}
      </ul>
    </section>
  )
}
