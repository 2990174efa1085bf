import { randomUUID } from 'node:crypto'
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { loggerWithTags } from '../../../helpers/logger.js'
import { guardedRequest, RemoteRequestError } from '../../../helpers/requests/index.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { REMOTE_FETCH } from '../../../initializers/constants/activitypub.js'
import { REMOTE_IMAGES } from '../../../initializers/constants/video-federation.js'
import { THUMBNAIL_TYPE } from '../../../initializers/constants/videos.js'
import { ThumbnailModel } from '../../../models/video/thumbnail.js'
import { imagePathOnDisk } from '../../videos/video-images.js'

const log = loggerWithTags('activitypub', 'videos')

const FILENAME = /^[0-9a-f-]{36}\.(jpg|jpeg|png|webp|gif)$/i

// Concurrent first requests for one image share its download.
const inFlight = new Map<string, Promise<boolean>>()

/**
 * PeerTube's lazy-static behaviour for remote videos: their miniature and preview are served under our
 * /lazy-static/ paths (clients only know those), read from the origin the first time someone asks and kept
 * on disk afterwards. Resolves true when the file is on disk now.
 */
export async function ensureRemoteVideoImageOnDisk (kind: 'miniature' | 'preview', filename: string) {
  if (!FILENAME.test(filename)) return false
  const type = kind === 'miniature' ? THUMBNAIL_TYPE.MINIATURE : THUMBNAIL_TYPE.PREVIEW
  const path = imagePathOnDisk({ type, filename })
  if (await exists(path)) return true

  const running = inFlight.get(filename)
  if (running) return running
  const promise = download(type, filename, path).finally(() => inFlight.delete(filename))
  inFlight.set(filename, promise)
  return promise
}

async function download (type: number, filename: string, path: string) {
  const image = await ThumbnailModel.findOne({ where: { filename, type } })
  if (!image?.fileUrl) return false
  if (!await downloadRemoteImage(image.fileUrl, path)) return false
  // From now on it is ours to remove with the video.
  await ThumbnailModel.update({ onDisk: true }, { where: { id: image.id } })
  return true
}

/**
 * Fetches a remote image (guarded request, image types only, size-limited) to `path`, atomically. False when the
 * origin does not give it; the reason is logged.
 */
export async function downloadRemoteImage (url: string, path: string) {
  try {
    const response = await guardedRequest(url, {
      method: 'GET',
      headers: { 'User-Agent': REMOTE_FETCH.USER_AGENT, Accept: 'image/*' },
      timeoutMs: CONFIG.federation.http_timeout,
      maxBytes: REMOTE_IMAGES.MAX_BYTES,
      allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
      maxRedirects: REMOTE_FETCH.MAX_REDIRECTS
    })
    const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (response.status !== 200) throw new RemoteRequestError('bad-status', `${url} answered ${response.status}`, { url, status: response.status })
    if (!REMOTE_IMAGES.MEDIA_TYPES[contentType]) throw new RemoteRequestError('bad-content-type', `${url} is not an image (${contentType})`, { url })

    await mkdir(dirname(path), { recursive: true })
    const tmp = `${path}.${randomUUID()}.tmp`
    await writeFile(tmp, response.body)
    await rename(tmp, path).catch(async err => {
      await rm(tmp, { force: true })
      throw err
    })
    return true
  } catch (err) {
    log.info(`Cannot fetch remote image ${url}: ${(err as Error).message}`)
    return false
  }
}

async function exists (path: string) {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
