// After publishing: where the video stands, live — published or not, and which renditions exist and which are
// still being made (from the video's files and its source's planned ladder).
import { useEffect, useState } from 'preact/hooks'
import type { VideoDetails, VideoSource } from '../../../../shared/models/client-video.js'
import { VideoPrivacy, VideoStateId } from '../../../../shared/models/client-video.js'
import { getVideo, getVideoSource } from '../../api/videos.js'
import { t } from '../../i18n/i18n.js'
import { constantLabel } from '../../lib/constants.js'
import { formatDateTime } from '../../lib/format.js'
import { resolutionLabel } from '../../player/engine.js'

const POLL_MS = 2000

export interface Rendition {
  resolution: number
  state: 'ready' | 'coming'
  formats: ('web' | 'hls')[]
}

/** Renditions that exist (by resolution, with their formats), then those the ladder still has to make. */
export function renditionsOf (video: VideoDetails, source: VideoSource | null): Rendition[] {
  const ready = new Map<number, Set<'web' | 'hls'>>()
  for (const file of video.files ?? []) ready.set(file.resolution.id, (ready.get(file.resolution.id) ?? new Set()).add('web'))
  for (const file of video.streamingPlaylists?.flatMap(p => p.files) ?? []) ready.set(file.resolution.id, (ready.get(file.resolution.id) ?? new Set()).add('hls'))
  const rows: Rendition[] = [ ...ready.entries() ].map(([ resolution, formats ]) => ({ resolution, state: 'ready', formats: [ ...formats ].sort() }))
  if (source?.transcoding?.state === 'running') {
    for (const resolution of source.transcoding.plannedResolutions) {
      if (!ready.has(resolution)) rows.push({ resolution, state: 'coming', formats: [] })
    }
  }
  return rows.sort((a, b) => b.resolution - a.resolution)
}

function isSettled (video: VideoDetails, source: VideoSource | null) {
  const state = video.state?.id
  if (state === VideoStateId.TRANSCODING_FAILED) return true
  if (state !== VideoStateId.PUBLISHED) return false
  return !source?.transcoding || source.transcoding.state !== 'running'
}

export function PublishStatus ({ uuid }: { uuid: string }) {
  const [video, setVideo] = useState<VideoDetails | null>(null)
  const [source, setSource] = useState<VideoSource | null>(null)
  const [checking, setChecking] = useState(false)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      try {
        const [ details, src ] = await Promise.all([ getVideo(uuid), getVideoSource(uuid).catch(() => null) ])
        if (stopped) return
        setVideo(details)
        setSource(src)
        setChecking(false)
        if (isSettled(details, src)) return
      } catch {
        if (stopped) return
        setChecking(true)
      }
      timer = setTimeout(poll, POLL_MS)
    }
    void poll()
    return () => { stopped = true; clearTimeout(timer) }
  }, [uuid])

  const state = video?.state?.id
  const failed = state === VideoStateId.TRANSCODING_FAILED || source?.transcoding?.state === 'failed'
  const playable = state === VideoStateId.PUBLISHED
  const renditions = video ? renditionsOf(video, source) : []
  const coming = renditions.filter(r => r.state === 'coming').length

  let headline: string
  if (!video) headline = t('common.loading')
  else if (video.scheduledUpdate) headline = t('publish.scheduled', { date: formatDateTime(video.scheduledUpdate.updateAt), privacy: constantLabel('privacy', { id: video.scheduledUpdate.privacy ?? VideoPrivacy.PUBLIC, label: '' }) })
  else if (video.privacy.id === VideoPrivacy.PRIVATE) headline = t('publish.private')
  else headline = t('publish.published', { privacy: constantLabel('privacy', video.privacy) })

  return (
    <div class="processing" data-testid="upload-processing" data-state-id={state ?? ''}>
      {playable && <p class="success" data-testid="upload-published">{headline}</p>}
      {!playable && !failed && video && (
        <p aria-live="polite" aria-busy="true"><span class="spinner" aria-hidden="true" /> <span data-testid="transcoding-status">{t('publish.processing')}</span></p>
      )}
      {failed && <p class="error" role="alert" data-testid="transcoding-failed">{t('publish.failed')}</p>}
      {renditions.length > 0 && (
        <>
          <p class="small" aria-live="polite" data-testid="renditions-summary">
            {coming > 0 ? t('publish.renditionsComing', { ready: renditions.length - coming, coming }) : t('publish.renditionsDone')}
          </p>
          <ul class="renditions" data-testid="renditions">
            {renditions.map(r => (
              <li key={r.resolution} data-testid="rendition" data-resolution={r.resolution} data-state={r.state}>
                <strong>{resolutionLabel(r.resolution)}</strong>{' '}
                {r.state === 'ready'
                  ? <span class="success">{t('publish.ready')} <span class="muted small">({r.formats.map(f => t(f === 'web' ? 'publish.format.web' : 'publish.format.hls')).join(', ')})</span></span>
                  : <span class="muted"><span class="spinner" aria-hidden="true" /> {t('publish.coming')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {checking && <p class="muted small">{t('publish.checking')}</p>}
      <p class="actions">
        <a class="button" href={`/videos/watch/${uuid}`} data-testid="upload-watch-link">{t('publish.watch')}</a>
        <a class="button" href={`/videos/update/${uuid}`} data-testid="upload-edit-link">{t('publish.edit')}</a>
        <a class="button" href="/upload" data-native data-testid="upload-another">{t('publish.another')}</a>
      </p>
    </div>
  )
}
