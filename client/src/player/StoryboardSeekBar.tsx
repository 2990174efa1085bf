// A progress bar under the video: hovering shows the frame of that moment (a cell of the storyboard sprite sheet)
// and its time; a click seeks there. Shown only for videos with a storyboard.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Storyboard } from '../api/storyboards.js'
import { t } from '../i18n/i18n.js'
import { chapterClock } from './ChapterMarkers.js'

interface Props {
  storyboard: Storyboard
  duration: number
  video: () => HTMLVideoElement | null
  onSeek: (seconds: number) => void
}

/** Which cell of the sheet shows second `time`, and where it is (cells go left to right, then down). */
export function spriteAt (storyboard: Storyboard, time: number) {
  const columns = Math.max(1, Math.floor(storyboard.totalWidth / storyboard.spriteWidth))
  const rows = Math.max(1, Math.floor(storyboard.totalHeight / storyboard.spriteHeight))
  const index = Math.min(columns * rows - 1, Math.max(0, Math.floor(time / storyboard.spriteDuration)))
  return { index, x: (index % columns) * storyboard.spriteWidth, y: Math.floor(index / columns) * storyboard.spriteHeight }
}

export function StoryboardSeekBar ({ storyboard, duration, video, onSeek }: Props) {
  const barRef = useRef<HTMLDivElement>(null)
  const [hover, setHover] = useState<{ time: number; left: number } | null>(null)
  const [progress, setProgress] = useState(0)

  useEffect(() => {
    const element = video()
    if (!element) return
    const update = () => setProgress(duration > 0 ? Math.min(1, element.currentTime / duration) : 0)
    element.addEventListener('timeupdate', update)
    element.addEventListener('seeked', update)
    return () => {
      element.removeEventListener('timeupdate', update)
      element.removeEventListener('seeked', update)
    }
  }, [video, duration])

  if (duration <= 0) return null

  const timeAt = (event: MouseEvent) => {
    const rect = barRef.current!.getBoundingClientRect()
    const ratio = rect.width > 0 ? Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) : 0
    return { time: ratio * duration, left: event.clientX - rect.left, width: rect.width }
  }
  const onMove = (event: MouseEvent) => {
    const { time, left, width } = timeAt(event)
    // The preview stays inside the bar.
    setHover({ time, left: Math.min(Math.max(left - storyboard.spriteWidth / 2, 0), Math.max(0, width - storyboard.spriteWidth)) })
  }
  const sprite = hover ? spriteAt(storyboard, hover.time) : null

  return (
    <div
      class="storyboard-bar"
      ref={barRef}
      data-testid="storyboard-bar"
      role="slider"
      tabIndex={0}
      aria-label={t('player.seek')}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(progress * duration)}
      onMouseMove={onMove}
      onMouseLeave={() => setHover(null)}
      onClick={event => onSeek(timeAt(event).time)}
      onKeyDown={event => {
        const current = progress * duration
        if (event.key === 'ArrowRight') onSeek(Math.min(duration, current + 5))
        if (event.key === 'ArrowLeft') onSeek(Math.max(0, current - 5))
      }}
    >
      <div class="storyboard-progress" style={{ width: `${progress * 100}%` }} />
      {hover && sprite && (
        <div class="storyboard-preview" data-testid="storyboard-preview" data-sprite-index={sprite.index} style={{ left: `${hover.left}px` }}>
          <div
            class="storyboard-sprite"
            style={{
              width: `${storyboard.spriteWidth}px`,
              height: `${storyboard.spriteHeight}px`,
              backgroundImage: `url("${storyboard.storyboardPath}")`,
              backgroundPosition: `-${sprite.x}px -${sprite.y}px`
            }}
          />
          <span class="storyboard-time">{chapterClock(Math.floor(hover.time))}</span>
        </div>
      )}
    </div>
  )
}
