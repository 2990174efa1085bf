// /videos/go-live — create a live: channel, privacy, latency mode, replay and permanent live; then the RTMP URL
// and stream key to paste into OBS, and a link to the live's page.
import { useState } from 'preact/hooks'
import { LiveVideoLatencyMode, type LiveVideo, type LiveVideoLatencyModeType } from '../../../../shared/models/lives.js'
import { VideoPrivacy } from '../../../../shared/models/client-video.js'
import { createLive, getLive } from '../../api/lives.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { useVideoTarget, VideoTargetFields } from '../../components/VideoTargetFields.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { privacyOptions } from '../../lib/constants.js'
import { configStore, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { LATENCY_OPTIONS } from './live-options.js'
import { LiveStreamInfo } from './live-stream-info.js'

const FIELDS = [ 'name', 'channelId', 'privacy', 'latencyMode', 'saveReplay', 'permanentLive', 'replaySettings' ]

export default function GoLivePage () {
  const { user } = useStore(sessionStore)
  const config = useStore(configStore)
  const target = useVideoTarget()
  const { channels, channelId, privacy } = target
  const [name, setName] = useState('')
  const [latencyMode, setLatencyMode] = useState<LiveVideoLatencyModeType>(LiveVideoLatencyMode.DEFAULT)
  const [saveReplay, setSaveReplay] = useState(false)
  const [replayPrivacy, setReplayPrivacy] = useState<number>(VideoPrivacy.PUBLIC)
  const [permanentLive, setPermanentLive] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [created, setCreated] = useState<{ uuid: string; live: LiveVideo } | null>(null)

  if (!user) return null
  if (config?.live?.enabled === false) return <p class="notice" data-testid="live-disabled">{t('live.goLive.disabled')}</p>
  if (channels.length === 0) return <p class="notice">{t('live.goLive.needChannel')} <a href="/my-library/video-channels">{t('live.goLive.createChannel')}</a></p>

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const { video } = await createLive({ name: name.trim(), channelId, privacy, latencyMode, saveReplay, replayPrivacy, permanentLive })
      setCreated({ uuid: video.uuid, live: await getLive(video.uuid) })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return (
      <section class="narrow" data-testid="go-live-page">
        <h1>{t('live.goLive.ready')}</h1>
        <p>{t('live.goLive.readyExplain')}</p>
        <LiveStreamInfo live={created.live} />
        <p class="actions"><a class="button" href={`/videos/watch/${created.uuid}`} data-testid="go-live-watch">{t('live.goLive.open')}</a></p>
      </section>
    )
  }

  const problem = humanizeProblem(error, { fields: FIELDS })
  const fieldErrors = problem.fields
  const privacies = privacyOptions()
  const allowReplay = config?.live?.allowReplay !== false
  const latencySetting = config?.live?.latencySetting?.enabled !== false
  return (
    <section class="narrow" data-testid="go-live-page">
      <h1>{t('live.goLive.title')}</h1>
      <form onSubmit={submit} data-testid="go-live-form">
        <FormField id="name" label={t('live.goLive.name')} error={fieldErrors.name}>
          <input {...fieldAria('name', fieldErrors.name)} data-testid="live-name" required minLength={3} maxLength={120} value={name} disabled={busy}
            onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <VideoTargetFields target={target} labels={{ channel: t('live.goLive.channel'), privacy: t('live.goLive.privacy') }}
          errors={fieldErrors} disabled={busy} testIds={{ channel: 'live-channel', privacy: 'live-privacy' }} />
        {latencySetting && (
          <FormField id="latencyMode" label={t('live.goLive.latency')} error={fieldErrors.latencyMode}>
            <select {...fieldAria('latencyMode', fieldErrors.latencyMode)} data-testid="live-latency" value={String(latencyMode)} disabled={busy}
              onChange={e => setLatencyMode(Number((e.currentTarget as HTMLSelectElement).value) as LiveVideoLatencyModeType)}>
              {LATENCY_OPTIONS.map(o => <option key={o.id} value={String(o.id)}>{t(o.label)}</option>)}
            </select>
          </FormField>
        )}
        <label class="inline">
          <input type="checkbox" data-testid="live-permanent" checked={permanentLive} disabled={busy}
            onChange={e => setPermanentLive((e.currentTarget as HTMLInputElement).checked)} />
          {' '}{t('live.goLive.permanent')}
        </label>
        {allowReplay && (
          <label class="inline">
            <input type="checkbox" data-testid="live-save-replay" checked={saveReplay} disabled={busy}
              onChange={e => setSaveReplay((e.currentTarget as HTMLInputElement).checked)} />
            {' '}{t('live.goLive.saveReplay')}
          </label>
        )}
        {allowReplay && saveReplay && (
          <FormField id="replayPrivacy" label={t('live.goLive.replayPrivacy')} error={fieldErrors.replaySettings}>
            <select {...fieldAria('replayPrivacy', fieldErrors.replaySettings)} data-testid="live-replay-privacy" value={String(replayPrivacy)} disabled={busy}
              onChange={e => setReplayPrivacy(Number((e.currentTarget as HTMLSelectElement).value))}>
              {privacies.map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
            </select>
          </FormField>
        )}
        <p class="actions"><button type="submit" disabled={busy} data-testid="live-create">{t('live.goLive.create')}</button></p>
      </form>
      <FormMessage message={problem.message} testId="go-live-error" />
    </section>
  )
}
