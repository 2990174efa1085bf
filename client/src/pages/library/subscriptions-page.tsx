// /videos/subscriptions (and /my-library/subscriptions): the new videos of my channels, my channels, subscribe by
// handle or URL.
import { useState } from 'preact/hooks'
import { listSubscriptionVideos, listSubscriptions, subscribe, unsubscribe } from '../../api/library.js'
import { ErrorAlert, FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { VideoGrid, actorHandle, channelPath } from '../../components/VideoCard.js'
import { CatalogueSyncStatus } from '../../components/CatalogueSyncStatus.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { nsfwListParam } from '../../lib/session.js'
import { useAsync } from '../../lib/use-async.js'
import { useLocation } from '../../router.js'

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
    setError(null)
    try {
      await unsubscribe(handle)
    } catch (err) {
      setError(err)
    }
    channels.reload()
    videos.reload()
  }

  const problem = humanizeProblem(error, { fields: [ 'uri' ], messages: { 404: 'subscriptions.notFound' } })
  return (
    <section data-testid="subscriptions-page">
      <h1>{t('menu.subscriptions')}</h1>
      <form onSubmit={submit} class="inline-form" data-testid="subscribe-form" noValidate>
        <FormField id="uri" label={t('subscriptions.addLabel')} error={problem.fields.uri}>
          <input {...fieldAria('uri', problem.fields.uri)} value={uri} placeholder="channel@videos.example.org" data-testid="subscribe-input"
            onInput={e => setUri((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <button type="submit" class="primary" disabled={!uri.trim()} data-testid="subscribe-submit">{t('subscriptions.subscribe')}</button>
      </form>
      <FormMessage message={problem.message} testId="subscribe-error" />
      {done && <p class="notice" role="status" data-testid="subscribe-done">{t('subscriptions.done')}</p>}

      <h2>{t('subscriptions.newVideos')}</h2>
      <ErrorAlert error={videos.error} />
      {videos.data && <VideoGrid videos={videos.data.data} empty={t('subscriptions.noVideos')} />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}

      <h2>{t('subscriptions.channels')}</h2>
      <ErrorAlert error={channels.error} />
      {channels.data && channels.data.data.length === 0 && <p class="muted">{t('subscriptions.noChannels')}</p>}
      <ul class="plain-list" data-testid="subscriptions">
        {channels.data?.data.map(channel => (
          <li key={channel.id} data-testid="subscription" data-handle={actorHandle(channel)}>
            <a href={channelPath(channel)}>{channel.displayName}</a> <span class="muted">{channel.name}@{channel.host}</span>
            {' '}<button type="button" class="link-button" onClick={() => remove(actorHandle(channel))} data-testid="unsubscribe">{t('subscriptions.unsubscribe')}</button>
            <CatalogueSyncStatus handle={actorHandle(channel)} />
          </li>
        ))}
      </ul>
    </section>
  )
}
