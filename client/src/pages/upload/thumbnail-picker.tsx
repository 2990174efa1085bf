// The thumbnail: the one the server makes, a frame of the video picked here, or a picture of one's own.
import { useEffect, useState } from 'preact/hooks'
import { t } from '../../i18n/i18n.js'
import { formatDuration } from '../../lib/format.js'
import { captureFrames, releaseFrames, type Frame } from './frame-capture.js'

export interface ThumbnailChoice {
  blob: Blob
  filename: string
}

interface Props {
  /** What to take frames from: the file being uploaded, or a file URL of the video. */
  source: File | string | null
  /** The current thumbnail (edit page). */
  currentUrl?: string | null
  value: ThumbnailChoice | null
  onChange: (choice: ThumbnailChoice | null) => void
  error?: string
}

const ACCEPTED = 'image/png,image/jpeg,image/webp'

export function ThumbnailPicker ({ source, currentUrl, value, onChange, error }: Props) {
  const [frames, setFrames] = useState<Frame[]>([])
  const [busy, setBusy] = useState(false)
  const [ownPreview, setOwnPreview] = useState<string | null>(null)
  const [own, setOwn] = useState<ThumbnailChoice | null>(null)
  const [selected, setSelected] = useState<string>('auto')

  useEffect(() => {
    if (!source) return
    let cancelled = false
    let taken: Frame[] = []
    setBusy(true)
    void captureFrames(source).then(result => {
      taken = result
      if (cancelled) return releaseFrames(result)
      setFrames(result)
      setBusy(false)
    })
    return () => { cancelled = true; releaseFrames(taken) }
  }, [source])

  useEffect(() => () => { if (ownPreview) URL.revokeObjectURL(ownPreview) }, [ownPreview])
  useEffect(() => { if (!value) setSelected('auto') }, [value])

  const pick = (id: string, choice: ThumbnailChoice | null) => {
    setSelected(id)
    onChange(choice)
  }

  const onFile = (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0]
    if (!file) return
    const choice = { blob: file, filename: file.name }
    setOwnPreview(URL.createObjectURL(file))
    setOwn(choice)
    pick('own', choice)
  }

  return (
    <fieldset class={error ? 'thumbnail-picker field-invalid' : 'thumbnail-picker'} data-testid="thumbnail-picker" aria-describedby={error ? 'thumbnailfile-error' : undefined}>
      <legend>{t('thumbnail.legend')}</legend>
      <div class="thumbnail-choices" role="radiogroup" aria-label={t('thumbnail.legend')}>
        <button type="button" role="radio" aria-checked={selected === 'auto'} class="thumbnail-choice" data-testid="thumbnail-auto" onClick={() => pick('auto', null)}>
          {currentUrl ? <img src={currentUrl} alt="" /> : <span class="thumbnail-auto">{t('thumbnail.auto')}</span>}
          <small>{currentUrl ? t('thumbnail.current') : t('thumbnail.autoHint')}</small>
        </button>
        {frames.map((frame, index) => (
          <button type="button" role="radio" key={frame.url} aria-checked={selected === `frame-${index}`} class="thumbnail-choice"
            data-testid="thumbnail-frame" data-index={index}
            onClick={() => pick(`frame-${index}`, { blob: frame.blob, filename: `frame-${index}.jpg` })}>
            <img src={frame.url} alt={t('thumbnail.frameAt', { time: formatDuration(frame.time) })} />
            <small>{formatDuration(frame.time)}</small>
          </button>
        ))}
        {ownPreview && own && (
          <button type="button" role="radio" aria-checked={selected === 'own'} class="thumbnail-choice" data-testid="thumbnail-own" onClick={() => pick('own', own)}>
            <img src={ownPreview} alt={t('thumbnail.own')} /><small>{t('thumbnail.own')}</small>
          </button>
        )}
      </div>
      {busy && <p class="muted small" aria-busy="true">{t('thumbnail.taking')}</p>}
      <label class="button file-button">
        {t('thumbnail.upload')}
        <input id="thumbnailfile" type="file" accept={ACCEPTED} class="visually-hidden" data-testid="thumbnail-file" onChange={onFile} />
      </label>
      {error && <small id="thumbnailfile-error" class="field-error" role="alert" data-testid="thumbnailfile-error">{error}</small>}
    </fieldset>
  )
}
