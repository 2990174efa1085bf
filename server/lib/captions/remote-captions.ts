import { Op, type Transaction } from 'sequelize'
import { NotASubtitleFileError, subtitlesToWebVtt } from '../../helpers/captions/subtitles-to-webvtt.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { fetchRemoteFileOnce } from '../../helpers/requests/fetch-remote-file-once.js'
import { VIDEO_LANGUAGES } from '../../initializers/constants/videos.js'
import { VideoCaptionModel } from '../../models/video/video-caption.js'
import { CAPTION_FILENAME, captionFilePath, newCaptionFilename } from './caption-files.js'

const log = loggerWithTags('activitypub', 'captions')

/** A remote caption file is small text; more is not a caption. */
const REMOTE_CAPTION_MAX_BYTES = 5 * 1024 * 1024
const MAX_CAPTIONS_PER_VIDEO = 100

export interface RemoteCaptionData {
  language: string
  url: string
}

/** The Video object's `subtitleLanguage` (PeerTube: `{ identifier, name, url }`); unknown languages and bad URLs are skipped. */
export function parseSubtitleLanguages (value: unknown): RemoteCaptionData[] {
  if (!Array.isArray(value)) return []
  const byLanguage = new Map<string, RemoteCaptionData>()
  for (const entry of value.slice(0, MAX_CAPTIONS_PER_VIDEO)) {
    if (typeof entry !== 'object' || entry === null) continue
    const { identifier, url } = entry as Record<string, unknown>
    if (typeof identifier !== 'string' || !Object.hasOwn(VIDEO_LANGUAGES, identifier)) continue
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || url.length > 2000) continue
    byLanguage.set(identifier, { language: identifier, url })
  }
  return [ ...byLanguage.values() ]
}

/**
 * Makes a remote video's caption rows match its origin's list (same URL: same row). Returns the files of
 * removed or replaced captions that were on disk, to delete once the transaction commits.
 */
export async function syncRemoteCaptions (videoId: number, captions: RemoteCaptionData[], transaction: Transaction) {
  const existing = await VideoCaptionModel.findAll({ where: { videoId }, transaction })
  const stale: string[] = []

  for (const row of existing) {
    const wanted = captions.find(c => c.language === row.language)
    if (wanted && wanted.url === row.fileUrl) continue
    if (row.onDisk) stale.push(captionFilePath(row.filename))
    await row.destroy({ transaction })
  }
  const kept = new Set(existing.filter(row => captions.some(c => c.language === row.language && c.url === row.fileUrl)).map(r => r.language))
  for (const caption of captions.filter(c => !kept.has(c.language))) {
    await VideoCaptionModel.create({
      videoId, language: caption.language, filename: newCaptionFilename(caption.language), fileUrl: caption.url, onDisk: false
    }, { transaction })
  }
  return stale
}

/** Fetches a remote caption to disk the first time it is asked for (checked and stored as WebVTT). */
export async function ensureRemoteCaptionOnDisk (filename: string) {
  if (!CAPTION_FILENAME.test(filename)) return
  return fetchRemoteFileOnce(`caption:${filename}`, {
    find: async () => {
      const caption = await VideoCaptionModel.findOne({ where: { filename, onDisk: false, fileUrl: { [Op.ne]: null } } })
      if (!caption) return null
      return { url: caption.fileUrl!, path: captionFilePath(filename), markOnDisk: () => VideoCaptionModel.update({ onDisk: true }, { where: { id: caption.id } }) }
    },
    accept: 'text/vtt, text/plain;q=0.5',
    maxBytes: REMOTE_CAPTION_MAX_BYTES,
    check: body => subtitlesToWebVtt(body),
    onError: (url, err) => {
      const reason = err instanceof NotASubtitleFileError ? `not a subtitle file (${err.message})` : (err as Error).message
      log.info(`Cannot fetch remote caption ${url}: ${reason}`)
    }
  })
}
