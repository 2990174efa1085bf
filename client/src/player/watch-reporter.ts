// Tells the server where a signed-in viewer is (PUT /videos/{id}/watching) every few seconds of playback and on
// pause, so their history resumes there. Errors are ignored: history is a convenience.
import { reportWatching } from '../api/library.js'
import { sessionStore } from '../lib/session.js'

const INTERVAL_MS = 5000

export function reportWatchingPosition (video: HTMLVideoElement, videoId: string | number): () => void {
  if (!sessionStore.get().user) return () => {}
  let last = -1
  const send = () => {
    const time = Math.floor(video.currentTime)
    if (time === last || !Number.isFinite(time)) return
    last = time
    void reportWatching(videoId, time).catch(() => undefined)
  }
  const timer = setInterval(() => { if (!video.paused) send() }, INTERVAL_MS)
  video.addEventListener('pause', send)
  video.addEventListener('seeked', send)
  return () => {
    clearInterval(timer)
    video.removeEventListener('pause', send)
    video.removeEventListener('seeked', send)
  }
}

/** Where to start: the `?start=` of the URL, else where the viewer stopped (unless that was the end). */
export function resumeTime (details: { duration: number; userHistory?: { currentTime: number } }, start: string | null): number | undefined {
  if (start !== null && /^\d+$/.test(start)) return Number(start)
  const at = details.userHistory?.currentTime
  if (!at || at >= details.duration - 3) return undefined
  return at
}
