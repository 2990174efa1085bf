// After an upload: polls the video until the server has published it (state 1), showing its state.
import { useEffect, useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { VideoStateId } from '../../../shared/models/client-video.js'
import { getVideo } from '../api/videos.js'

const POLL_MS = 2000

export function UploadProcessing ({ uuid }: { uuid: string }) {
  const [video, setVideo] = useState<VideoDetails | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      try {
        const details = await getVideo(uuid)
        if (stopped) return
        setVideo(details)
        setError(null)
        const state = details.state?.id
        if (state === VideoStateId.PUBLISHED || state === VideoStateId.TRANSCODING_FAILED) return
      } catch (err) {
        if (stopped) return
        setError(err instanceof Error ? err.message : String(err))
      }
      timer = setTimeout(poll, POLL_MS)
    }
    void poll()
    return () => { stopped = true; clearTimeout(timer) }
  }, [uuid])

  const state = video?.state?.id
  const published = state === VideoStateId.PUBLISHED
  return (
    <div class="processing" data-testid="upload-processing" data-state-id={state ?? ''}>
      {!published && state !== VideoStateId.TRANSCODING_FAILED && (
        <p aria-live="polite" aria-busy="true"><span class="spinner" aria-hidden="true" /> <span data-testid="transcoding-status">Transcoding</span>{video?.state ? ` — ${video.state.label}` : '…'}</p>
      )}
      {state === VideoStateId.TRANSCODING_FAILED && <p class="error" role="alert" data-testid="transcoding-failed">Transcoding failed.</p>}
      {published && <p class="success" data-testid="upload-published">Published.</p>}
      {error && <p class="muted small">Checking again… ({error})</p>}
      <p class="actions">
        <a class="button" href={`/videos/watch/${uuid}`} data-testid="upload-watch-link">Watch</a>
        <a class="button" href={`/videos/update/${uuid}`} data-testid="upload-edit-link">Edit details</a>
      </p>
    </div>
  )
}
