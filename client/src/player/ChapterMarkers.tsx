// A video's chapters under the player: ticks on a bar as long as the video, and the titles, each seeking there.
import type { VideoChapter } from '../api/captions.js'
import { t } from '../i18n/i18n.js'

/** "m:ss", or "h:mm:ss" from an hour on. */
export function chapterClock (seconds: number) {
  const m = Math.floor(seconds / 60)
  const s = String(seconds % 60).padStart(2, '0')
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}` : `${m}:${s}`
}

export function ChapterMarkers ({ chapters, duration, onSeek }: { chapters: VideoChapter[]; duration: number; onSeek: (seconds: number) => void }) {
  if (chapters.length === 0 || duration <= 0) return null
  return (
    <nav class="chapters" data-testid="chapters" aria-label={t('player.chapters')}>
      <div class="chapter-bar" aria-hidden="true">
        {chapters.map(c => <span key={c.timecode} class="chapter-tick" style={{ left: `${Math.min(100, c.timecode / duration * 100)}%` }} title={c.title} />)}
      </div>
      <ol class="chapter-list">
        {chapters.map(c => (
          <li key={c.timecode}>
            <button type="button" onClick={() => onSeek(c.timecode)} data-testid="chapter">{chapterClock(c.timecode)} {c.title}</button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
