// Counts one view per page visit once the viewer has really watched a little (or the whole of a
// very short video), like PeerTube's player does. A live's viewer pings again while it plays: the server counts
// it as watching for a little while after each ping (the viewer count).
import { addView } from '../api/videos.js'

const WATCH_SECONDS_BEFORE_VIEW = 5
const LIVE_PING_SECONDS = 10

export function watchForView (video: HTMLVideoElement, videoId: string | number, options: { live?: boolean } = {}): () => void {
  if (options.live) return pingWhileWatchingLive(video, videoId)
  let watched = 0
  let lastTime: number | null = null
  let sent = false

  const send = () => {
    if (sent) return
    sent = true
    void addView(videoId, video.currentTime).catch(() => { sent = false })
  }
  const threshold = () => {
    const duration = Number.isFinite(video.duration) && video.duration > 0 ? video.duration : Infinity
    return Math.min(WATCH_SECONDS_BEFORE_VIEW, Math.max(1, duration - 0.5))
  }
  const onTime = () => {
    const now = video.currentTime
    // Only count time that elapsed by playing, not by seeking.
    if (lastTime !== null && !video.paused && now > lastTime && now - lastTime < 2) watched += now - lastTime
    lastTime = now
    if (watched >= threshold()) send()
  }
  const onSeek = () => { lastTime = video.currentTime }
  const onEnded = () => { if (watched > 0) send() }

  video.addEventListener('timeupdate', onTime)
  video.addEventListener('seeking', onSeek)
  video.addEventListener('ended', onEnded)
  return () => {
    video.removeEventListener('timeupdate', onTime)
    video.removeEventListener('seeking', onSeek)
    video.removeEventListener('ended', onEnded)
  }
}

function pingWhileWatchingLive (video: HTMLVideoElement, videoId: string | number): () => void {
  let lastPing = 0
  const ping = () => {
    if (video.paused || Date.now() - lastPing < LIVE_PING_SECONDS * 1000) return
    lastPing = Date.now()
    void addView(videoId).catch(() => { lastPing = 0 })
  }
  video.addEventListener('playing', ping)
  video.addEventListener('timeupdate', ping)
  return () => {
    video.removeEventListener('playing', ping)
    video.removeEventListener('timeupdate', ping)
  }
}
