// The captions of a video, for its owner: one subtitle file per language, added, replaced or removed at once.
import { useEffect, useState } from 'preact/hooks'
import { deleteVideoCaption, getLanguages, listVideoCaptions, putVideoCaption, type VideoCaption } from '../api/captions.js'
import { ErrorAlert } from './ErrorAlert.js'

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
      <h2>Captions</h2>
      {error !== null && <ErrorAlert error={error} testId="captions-error" />}
      {captions.length === 0
        ? <p class="muted">No captions yet.</p>
        : (
          <ul>
            {captions.map(c => (
              <li key={c.language.id} data-testid="caption-item">
                <a href={c.captionPath}>{c.language.label}</a>{' '}
                <button type="button" disabled={busy} onClick={() => void run(() => deleteVideoCaption(videoId, c.language.id))}>Remove</button>
              </li>
            ))}
          </ul>
          )}
      <form onSubmit={add} class="inline-form">
        <select data-testid="caption-language" value={language} onChange={e => setLanguage((e.currentTarget as HTMLSelectElement).value)} aria-label="Caption language">
          <option value="">Language…</option>
          {Object.entries(languages).map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </select>
        <input type="file" data-testid="caption-file" accept=".vtt,.srt,text/vtt,application/x-subrip" aria-label="Caption file (.vtt or .srt)"
          onChange={e => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        <button type="submit" disabled={busy || !language || !file} data-testid="caption-upload">Add or replace</button>
      </form>
    </section>
  )
}
