// A video's chapters, for its owner, as text: one "m:ss Title" (or "h:mm:ss Title") per line.
import { useEffect, useState } from 'preact/hooks'
import { listVideoChapters, putVideoChapters, type VideoChapter } from '../../api/captions.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { UserFacingError } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { chapterClock } from '../../player/ChapterMarkers.js'

/** Lines to chapters; the line that does not read as "time title" is named in the error. */
export function parseChapterLines (text: string): VideoChapter[] {
  return text.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
    const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})\s+(.+)$/.exec(line)
    if (!match) throw new UserFacingError(t('chapters.badLine', { line }))
    const [ , h, m, s, title ] = match
    return { timecode: Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s), title: title.trim() }
  })
}

export function ChaptersEditor ({ videoId }: { videoId: string }) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    listVideoChapters(videoId).then(list => setText(list.map(c => `${chapterClock(c.timecode)} ${c.title}`).join('\n')), setError)
  }, [videoId])

  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setSaved(false)
    setError(null)
    try {
      await putVideoChapters(videoId, parseChapterLines(text))
      setSaved(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section data-testid="chapters-editor">
      <h2>{t('chapters.title')}</h2>
      <ErrorAlert error={error} testId="chapters-error" />
      <form onSubmit={save}>
        <textarea rows={5} data-testid="chapters-text" aria-label={t('chapters.label')} placeholder={t('chapters.placeholder')}
          value={text} onInput={e => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <p class="actions">
          <button type="submit" disabled={busy} data-testid="chapters-save">{t('chapters.save')}</button>
          {saved && <span class="success" role="status" data-testid="chapters-saved">{t('common.saved')}</span>}
        </p>
      </form>
    </section>
  )
}
