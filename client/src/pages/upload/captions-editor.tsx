// The captions of a video, for its owner: one subtitle file per language, added, replaced or removed at once.
import { useEffect, useState } from 'preact/hooks'
import { deleteVideoCaption, listVideoCaptions, putVideoCaption, type VideoCaption } from '../../api/captions.js'
import { getLanguages } from '../../api/videos.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { t } from '../../i18n/i18n.js'
import { languageLabel, languageOptions } from '../../lib/constants.js'

export function CaptionsEditor ({ videoId }: { videoId: string }) {
  const [captions, setCaptions] = useState<VideoCaption[]>([])
  const [languages, setLanguages] = useState<Record<string, string>>({})
  const [language, setLanguage] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const reload = async () => setCaptions((await listVideoCaptions(videoId)).data)
  useEffect(() => {
    void reload().catch(setError)
    getLanguages().then(setLanguages, setError)
  }, [videoId])

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      await reload()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const add = (event: Event) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    if (!language || !file) return
    void run(async () => {
      await putVideoCaption(videoId, language, file)
      setFile(null)
      form.reset()
    })
  }

  return (
    <section data-testid="captions-editor">
      <h2>{t('captions.title')}</h2>
      <ErrorAlert error={error} testId="captions-error" />
      {captions.length === 0
        ? <p class="muted">{t('captions.none')}</p>
        : (
          <ul>
            {captions.map(c => (
              <li key={c.language.id} data-testid="caption-item">
                <a href={c.captionPath}>{languageLabel(c.language)}</a>{' '}
                <button type="button" disabled={busy} onClick={() => void run(() => deleteVideoCaption(videoId, c.language.id))}>{t('captions.remove')}</button>
              </li>
            ))}
          </ul>
        )}
      <form onSubmit={add} class="inline-form">
        <select data-testid="caption-language" value={language} onChange={e => setLanguage((e.currentTarget as HTMLSelectElement).value)} aria-label={t('captions.language')}>
          <option value="">{t('captions.chooseLanguage')}</option>
          {languageOptions(languages).map(({ id, label }) => <option key={id} value={id}>{label}</option>)}
        </select>
        <input type="file" data-testid="caption-file" accept=".vtt,.srt,text/vtt,application/x-subrip" aria-label={t('captions.file')}
          onChange={e => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        <button type="submit" disabled={busy || !language || !file} data-testid="caption-upload">{t('captions.upload')}</button>
      </form>
    </section>
  )
}
