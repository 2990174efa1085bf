import { Op, type Transaction } from 'sequelize'
import { loadSharp } from '../../helpers/image/load-sharp.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { fetchRemoteFileOnce } from '../../helpers/requests/fetch-remote-file-once.js'
import { StoryboardModel } from '../../models/video/storyboard.js'
import { fromActivityStreamsDuration } from '../activitypub/videos/activity-streams-duration.js'
import { STORYBOARD_FILENAME, newStoryboardFilename, storyboardFilePath } from './storyboard-files.js'

const log = loggerWithTags('activitypub', 'storyboards')

/** 121 sprites of 192 px make a sheet of a few hundred kB; more is not a storyboard. */
const REMOTE_STORYBOARD_MAX_BYTES = 10 * 1024 * 1024
const MAX_SIDE = 20_000

export interface RemoteStoryboardData {
  url: string
  totalWidth: number
  totalHeight: number
  spriteWidth: number
  spriteHeight: number
  spriteDuration: number
}

const dimension = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_SIDE ? value : undefined

/**
 * The Video object's `preview` (PeerTube: `[{ type: 'Image', rel: ['storyboard'], url: [{ mediaType, href, width,
 * height, tileWidth, tileHeight, tileDuration }] }]`). Null when there is none or it does not hold together.
 */
export function parseStoryboardPreview (value: unknown): RemoteStoryboardData | null {
  if (!Array.isArray(value)) return null
  for (const entry of value.slice(0, 10)) {
    if (typeof entry !== 'object' || entry === null) continue
    const { type, rel, url } = entry as Record<string, unknown>
    if (type !== 'Image' || !Array.isArray(rel) || !rel.includes('storyboard') || !Array.isArray(url)) continue
    for (const link of url.slice(0, 10)) {
      if (typeof link !== 'object' || link === null) continue
      const l = link as Record<string, unknown>
      if (l.mediaType !== 'image/jpeg' || typeof l.href !== 'string' || !/^https?:\/\//i.test(l.href) || l.href.length > 2000) continue
      const totalWidth = dimension(l.width)
      const totalHeight = dimension(l.height)
      const spriteWidth = dimension(l.tileWidth)
      const spriteHeight = dimension(l.tileHeight)
      const spriteDuration = fromActivityStreamsDuration(l.tileDuration)
      if (!totalWidth || !totalHeight || !spriteWidth || !spriteHeight || !spriteDuration || spriteDuration <= 0) continue
      if (spriteWidth > totalWidth || spriteHeight > totalHeight) continue
      return { url: l.href, totalWidth, totalHeight, spriteWidth, spriteHeight, spriteDuration }
    }
  }
  return null
}

/**
 * Makes a remote video's storyboard row match its origin's (same URL and sizes: same row). Returns the cached file
 * of a replaced or removed storyboard, to delete once the transaction commits.
 */
export async function syncRemoteStoryboard (videoId: number, data: RemoteStoryboardData | null, transaction: Transaction) {
  const existing = await StoryboardModel.findOne({ where: { videoId }, transaction })
  const same = existing && data && existing.fileUrl === data.url && existing.totalWidth === data.totalWidth &&
    existing.totalHeight === data.totalHeight && existing.spriteWidth === data.spriteWidth &&
    existing.spriteHeight === data.spriteHeight && existing.spriteDuration === data.spriteDuration
  if (same) return []

  const stale = existing?.onDisk ? [ storyboardFilePath(existing) ] : []
  if (existing) await existing.destroy({ transaction })
  if (data) {
    await StoryboardModel.create({
      videoId,
      filename: newStoryboardFilename(),
      fileUrl: data.url,
      onDisk: false,
      totalWidth: data.totalWidth,
      totalHeight: data.totalHeight,
      spriteWidth: data.spriteWidth,
      spriteHeight: data.spriteHeight,
      spriteDuration: data.spriteDuration
    }, { transaction })
  }
  return stale
}

/** Fetches a remote storyboard to disk the first time it is asked for (checked to be a JPEG image). */
export async function ensureRemoteStoryboardOnDisk (filename: string) {
  if (!STORYBOARD_FILENAME.test(filename)) return
  return fetchRemoteFileOnce(`storyboard:${filename}`, {
    find: async () => {
      const storyboard = await StoryboardModel.findOne({ where: { filename, onDisk: false, fileUrl: { [Op.ne]: null } } })
      if (!storyboard) return null
      return { url: storyboard.fileUrl!, path: storyboardFilePath(storyboard), markOnDisk: () => StoryboardModel.update({ onDisk: true }, { where: { id: storyboard.id } }) }
    },
    accept: 'image/jpeg',
    maxBytes: REMOTE_STORYBOARD_MAX_BYTES,
    check: async body => {
      const metadata = await (await loadSharp())(body).metadata().catch(() => null)
      if (metadata?.format !== 'jpeg') throw new Error('not a JPEG image')
      return body
    },
    onError: (url, err) => log.info(`Cannot fetch remote storyboard ${url}: ${(err as Error).message}`)
  })
}
