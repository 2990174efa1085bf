// The owner's form for a live's settings (PUT /videos/live/{id}): replay and its visibility, permanent live,
// latency mode. The instance takes changes only while the live waits for its stream, so the form is locked then.
import { useState } from 'preact/hooks'
import type { LiveVideo, LiveVideoLatencyModeType } from '../../../../shared/models/lives.js'
import { updateLive } from '../../api/lives.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { privacyOptions } from '../../lib/constants.js'
import { configStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { LATENCY_OPTIONS } from './live-options.js'

const FIELDS = [ 'saveReplay', 'permanentLive', 'latencyMode', 'replaySettings' ]

export function LiveSettingsForm ({ uuid, live, editable, defaultPrivacy, onSaved }: {
  uuid: string
  live: LiveVideo
  /** Whether the live waits for its stream (the only time its settings may change). */
  editable: boolean
  defaultPrivacy: number
  onSaved: () => void
}) {
  const config = useStore(configStore)
  const [saveReplay, setSaveReplay] = useState(live.saveReplay)
  const [replayPrivacy, setReplayPrivacy] = useState<number>(live.replaySettings?.privacy ?? defaultPrivacy)
  const [permanentLive, setPermanentLive] = useState(live.permanentLive)
  const [latencyMode, setLatencyMode] = useState<LiveVideoLatencyModeType>(live.latencyMode)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const latencySetting = config?.live?.latencySetting?.enabled !== false
      await updateLive(uuid, {
        saveReplay,
        permanentLive,
        ...(latencySetting ? { latencyMode } : {}),
        ...(saveReplay ? { replaySettings: { privacy: replayPrivacy } } : {})
      })
      setSaved(true)
      onSaved()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const problem = humanizeProblem(error, { fields: FIELDS })
  const fieldErrors = problem.fields
  const disabled = busy || !editable
  const allowReplay = config?.live?.allowReplay !== false
  const latencySetting = config?.live?.latencySetting?.enabled !== false
  const privacies = privacyOptions()
  return (
    <form class="live-settings-form" onSubmit={submit} data-testid="live-edit-form">
      <h3>{t('live.edit.title')}</h3>
      {!editable && <p class="muted small" data-testid="live-edit-locked">{t('live.edit.locked')}</p>}
      {latencySetting && (
        <FormField id="editLatencyMode" label={t('live.goLive.latency')} error={fieldErrors.latencyMode}>
          <select {...fieldAria('editLatencyMode', fieldErrors.latencyMode)} data-testid="live-edit-latency" value={String(latencyMode)} disabled={disabled}
            onChange={e => setLatencyMode(Number((e.currentTarget as HTMLSelectElement).value) as LiveVideoLatencyModeType)}>
            {LATENCY_OPTIONS.map(o => <option key={o.id} value={String(o.id)}>{t(o.label)}</option>)}
          </select>
        </FormField>
      )}
      <label class="inline">
        <input type="checkbox" data-testid="live-edit-permanent" checked={permanentLive} disabled={disabled}
          onChange={e => setPermanentLive((e.currentTarget as HTMLInputElement).checked)} />
        {' '}{t('live.goLive.permanent')}
      </label>
      {allowReplay && (
        <label class="inline">
          <input type="checkbox" data-testid="live-edit-save-replay" checked={saveReplay} disabled={disabled}
            onChange={e => setSaveReplay((e.currentTarget as HTMLInputElement).checked)} />
          {' '}{t('live.goLive.saveReplay')}
        </label>
      )}
      {allowReplay && saveReplay && (
        <FormField id="editReplayPrivacy" label={t('live.goLive.replayPrivacy')} error={fieldErrors.replaySettings}>
          <select {...fieldAria('editReplayPrivacy', fieldErrors.replaySettings)} data-testid="live-edit-replay-privacy" value={String(replayPrivacy)} disabled={disabled}
            onChange={e => setReplayPrivacy(Number((e.currentTarget as HTMLSelectElement).value))}>
            {privacies.map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
          </select>
        </FormField>
      )}
      <p class="actions">
        <button type="submit" disabled={disabled} data-testid="live-edit-submit">{t('common.save')}</button>
        {saved && <span class="muted small" role="status" data-testid="live-edit-saved">{' '}{t('live.edit.saved')}</span>}
      </p>
      <FormMessage message={problem.message} testId="live-edit-error" />
    </form>
  )
}
