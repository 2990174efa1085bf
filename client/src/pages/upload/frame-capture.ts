// Pictures of a video taken in the browser (to choose a thumbnail among them): the local file being uploaded, or a
// same-origin file URL. Formats the browser cannot play give no frames; that is not an error.

/** Where frames are taken, as fractions of the duration. */
const POSITIONS = [ 0.1, 0.35, 0.6, 0.85 ]
const MAX_WIDTH = 640
const TIMEOUT_MS = 15_000

export interface Frame {
  /** Seconds into the video. */
  time: number
  blob: Blob
  url: string
}

function once (target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event} timed out`)), TIMEOUT_MS)
    target.addEventListener(event, () => { clearTimeout(timer); resolve() }, { once: true })
    target.addEventListener('error', () => { clearTimeout(timer); reject(new Error('unreadable')) }, { once: true })
  })
}

export async function captureFrames (source: File | string): Promise<Frame[]> {
  const video = document.createElement('video')
  const objectUrl = typeof source === 'string' ? null : URL.createObjectURL(source)
  video.muted = true
  video.preload = 'auto'
  video.playsInline = true
  video.crossOrigin = 'anonymous'
  video.src = objectUrl ?? (source as string)
  try {
    await once(video, 'loadeddata')
    if (!video.videoWidth || !Number.isFinite(video.duration)) return []
    const scale = Math.min(1, MAX_WIDTH / video.videoWidth)
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(video.videoWidth * scale)
    canvas.height = Math.round(video.videoHeight * scale)
    const context = canvas.getContext('2d')
    if (!context) return []

    const frames: Frame[] = []
    for (const position of POSITIONS) {
      const time = Math.min(video.duration - 0.05, Math.max(0, video.duration * position))
      video.currentTime = time
      await once(video, 'seeked')
      context.drawImage(video, 0, 0, canvas.width, canvas.height)
      const blob = await new Promise<Blob | null>(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.85))
      if (blob) frames.push({ time, blob, url: URL.createObjectURL(blob) })
    }
    return frames
  } catch {
    return []
  } finally {
    video.removeAttribute('src')
    video.load()
    if (objectUrl) URL.revokeObjectURL(objectUrl)
  }
}

export function releaseFrames (frames: Frame[]): void {
  for (const frame of frames) URL.revokeObjectURL(frame.url)
}
