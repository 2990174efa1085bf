import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { Transaction } from 'sequelize'
import { VideoPrivacy, VideoStreamingPlaylistType } from '../../../../shared/models/videos.js'
import { P2P_MEDIA_LOADER_PEER_VERSION } from '../../../initializers/constants/p2p.js'
import { REMOTE_IMAGES } from '../../../initializers/constants/video-federation.js'
import { THUMBNAIL_TYPE } from '../../../initializers/constants/videos.js'
import type { VideoChannelModel } from '../../../models/account/video-channel.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { TagModel } from '../../../models/video/tag.js'
import { ThumbnailModel } from '../../../models/video/thumbnail.js'
import { TrackerModel } from '../../../models/video/tracker.js'
import { VideoFileModel } from '../../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../../models/video/video.js'
import { notifyNewVideoFromSubscription } from '../../notifications/index.js'
import { afterCommit, unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { imagePathOnDisk } from '../../videos/video-images.js'
import { syncRemoteCaptions } from '../../captions/remote-captions.js'
import { syncRemoteStoryboard } from '../../storyboards/remote-storyboards.js'
import { commentPolicyFields } from '../../video-comments/comment-rules.js'
import type { RemoteFileData, RemotePlaylistData } from './parse-video-links.js'
import { remoteFileName, urlBasename } from './parse-video-links.js'
import type { RemoteImageData, RemoteVideoData } from './parse-video-object.js'
import { noteIdentityConflict } from '../trust/identity-conflicts.js'
import { substituteVideoUuid } from '../trust/substitute-uuid.js'
import { syncRemoteLive } from '../../live/federation/live-video-fields.js'

export class RemoteVideoConflictError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'RemoteVideoConflictError'
  }
}

/**
 * Creates or replaces our copy of a remote video: metadata, tags, trackers, files (web videos and the HLS
 * playlist, all pointing at the origin's URLs) and images (their origin URLs; fetched when first asked for).
 * All or nothing, with the subscribers' notification of a new public video (`notifyIfNew`: delivered, not
 * crawled). Returns the video with its details loaded; `outdated` when the object was older than our copy
 * (nothing changed).
 */
export async function storeRemoteVideo (data: RemoteVideoData, channel: VideoChannelModel, options: { notifyIfNew?: boolean } = {}) {
  const { videoId, created, outdated } = await unitOfWork(async transaction => {
    let video = await VideoModel.findOne({ where: { url: data.url }, transaction, lock: transaction.LOCK.UPDATE })
    const created = !video

    if (video && !video.remote) throw new RemoteVideoConflictError(`${data.url} is one of our videos`)
    // An object older than the state we hold (an old Update signed anew, or delivered late) changes nothing. An
    // equal one is applied: PeerTube sends the same object again when only its counters moved.
    if (video && isOlderThanStored(data, video)) return { videoId: video.id, created: false, outdated: true }
    // A remote video is known by its URL: a uuid another video holds here stays that video's (local, or first
    // seen), and the newcomer is stored under a substitute uuid derived from its URL.
    const uuid = video ? video.uuid : await uuidFor(data, transaction)

    const fields = {
      uuid,
      name: data.name,
      category: data.category,
      licence: data.licence,
      language: data.language,
      privacy: data.privacy,
      nsfw: data.nsfw,
      description: data.description,
      support: data.support,
      duration: data.duration,
      aspectRatio: data.aspectRatio,
      views: data.views,
      remote: true,
      isLive: data.isLive,
      url: data.url,
      ...commentPolicyFields(data.commentsPolicy),
      downloadEnabled: data.downloadEnabled,
      waitTranscoding: data.waitTranscoding,
      state: data.state,
      channelId: channel.id,
      publishedAt: data.publishedAt,
      originallyPublishedAt: data.originallyPublishedAt,
      originUpdatedAt: data.originUpdatedAt ?? video?.originUpdatedAt ?? null
    }

    if (video) {
      // The uuid of a video never changes.
      video.set({ ...fields, uuid: video.uuid })
      // updatedAt doubles as "last fetched": a refresh that changed nothing still counts.
      video.changed('updatedAt', true)
      await video.save({ transaction })
    } else {
      video = await VideoModel.create(fields, { transaction })
    }

    await TagModel.setVideoTags(video.id, data.tags, transaction)
    await TrackerModel.setVideoTrackers(video.id, data.trackers, transaction)
    await syncWebVideoFiles(video, data.webVideoFiles, transaction)
    await syncHlsPlaylist(video, data.hlsPlaylist, transaction)
    await syncRemoteLive(video.id, data.live, transaction)

    const removedImages: ThumbnailModel[] = []
    const images = await ThumbnailModel.findAll({ where: { videoId: video.id }, transaction })
    for (const [ type, image ] of [ [ THUMBNAIL_TYPE.MINIATURE, data.thumbnail ], [ THUMBNAIL_TYPE.PREVIEW, data.preview ] ] as const) {
      const removed = await syncImage(video.id, type, image, images.find(i => i.type === type), transaction)
      if (removed) removedImages.push(removed)
    }
    // Cached copies of images that changed, once the change is committed: the new ones are fetched on demand
    // (a copy left by a crash is re-fetchable cache, which the storage sweep removes).
    const cached = removedImages.filter(i => i.onDisk).map(i => imagePathOnDisk(i))
    if (cached.length !== 0) afterCommit(() => { void Promise.all(cached.map(path => rm(path, { force: true }))) })

    // Caption files cached from the origin whose caption changed or went: removed once the change commits.
    const staleCaptionFiles = await syncRemoteCaptions(video.id, data.captions, transaction)
    if (staleCaptionFiles.length !== 0) afterCommit(() => { void Promise.all(staleCaptionFiles.map(path => rm(path, { force: true }))) })
    // Likewise the storyboard (fetched from the origin on first request).
    const staleStoryboard = await syncRemoteStoryboard(video.id, data.storyboard, transaction)
    if (staleStoryboard.length !== 0) afterCommit(() => { void Promise.all(staleStoryboard.map(path => rm(path, { force: true }))) })

    // The builder checks again, when its job runs, that the video is published.
    if (created && options.notifyIfNew && video.privacy === VideoPrivacy.PUBLIC) await notifyNewVideoFromSubscription(video)
    return { videoId: video.id, created, outdated: false }
  })

  const video = await VideoModel.findByPk(videoId, { include: detailsIncludes() })
  return { video: video!, created, outdated }
}

function isOlderThanStored (data: RemoteVideoData, stored: VideoModel) {
  return !!data.originUpdatedAt && !!stored.originUpdatedAt && data.originUpdatedAt.getTime() < stored.originUpdatedAt.getTime()
}

async function uuidFor (data: RemoteVideoData, transaction: Transaction) {
  const holder = await VideoModel.findOne({ where: { uuid: data.uuid }, attributes: [ 'id', 'url' ], transaction })
  if (!holder) return data.uuid

  let substitute = substituteVideoUuid(data.url)
  if (await VideoModel.findOne({ where: { uuid: substitute }, attributes: [ 'id' ], transaction })) substitute = randomUUID()
  await noteIdentityConflict({ kind: 'video-uuid', identifier: data.uuid, holderUrl: holder.url, claimantUrl: data.url, outcome: 'substitute-uuid', substitute })
  return substitute
}

function fileValues (uuid: string, kind: '' | '-fragmented', file: RemoteFileData) {
  return {
    resolution: file.resolution,
    width: file.width,
    height: file.height,
    size: file.size,
    extname: file.extname,
    fps: file.fps,
    filename: remoteFileName(uuid, kind, file.resolution, file.extname),
    fileUrl: file.fileUrl,
    metadataUrl: file.metadataUrl,
    torrentFilename: file.torrentUrl ? remoteFileName(uuid, kind === '' ? '' : '-hls', file.resolution, '.torrent') : null,
    torrentUrl: file.torrentUrl,
    infoHash: file.infoHash,
    hasAudio: file.hasAudio,
    hasVideo: file.hasVideo
  }
}

/**
 * Rows follow the Links: same file URL, or the same bytes (info hash) at a new URL (the origin moved it to its
 * bucket) -> same row (ids stay, and our mirrors of it with them), others are replaced.
 */
async function syncFiles (
  existing: VideoFileModel[],
  wanted: RemoteFileData[],
  owner: { videoId: number, videoStreamingPlaylistId: null } | { videoId: null, videoStreamingPlaylistId: number },
  uuid: string,
  kind: '' | '-fragmented',
  transaction: Transaction
) {
  const same = (old: VideoFileModel, f: RemoteFileData) => f.resolution === old.resolution && (f.fileUrl === old.fileUrl || (!!f.infoHash && f.infoHash === old.infoHash))
  const kept = existing.filter(old => wanted.some(f => same(old, f)))
  for (const old of existing) {
    if (!kept.includes(old)) await old.destroy({ transaction })
  }

  for (const file of wanted) {
    const values = fileValues(uuid, kind, file)
    const old = kept.find(k => same(k, file))
    if (old) await old.update(values, { transaction })
    else await VideoFileModel.create({ ...values, ...owner }, { transaction })
  }
}

async function syncWebVideoFiles (video: VideoModel, files: RemoteFileData[], transaction: Transaction) {
  const existing = await VideoFileModel.findAll({ where: { videoId: video.id }, transaction })
  await syncFiles(existing, files, { videoId: video.id, videoStreamingPlaylistId: null }, video.uuid, '', transaction)
}

async function syncHlsPlaylist (video: VideoModel, data: RemotePlaylistData | undefined, transaction: Transaction) {
  const type = VideoStreamingPlaylistType.HLS
  let playlist = await VideoStreamingPlaylistModel.findOne({ where: { videoId: video.id, type }, transaction })

  if (!data) {
    await playlist?.destroy({ transaction })
    return
  }

  const values = {
    type,
    playlistFilename: urlBasename(data.playlistUrl) || 'master.m3u8',
    playlistUrl: data.playlistUrl,
    segmentsSha256Filename: data.segmentsSha256Url ? urlBasename(data.segmentsSha256Url) : 'segments-sha256.json',
    segmentsSha256Url: data.segmentsSha256Url,
    p2pMediaLoaderInfohashes: data.p2pMediaLoaderInfohashes,
    p2pMediaLoaderPeerVersion: P2P_MEDIA_LOADER_PEER_VERSION,
    videoId: video.id
  }
  if (playlist) await playlist.update(values, { transaction })
  else playlist = await VideoStreamingPlaylistModel.create(values, { transaction })

  const existing = await VideoFileModel.findAll({ where: { videoStreamingPlaylistId: playlist.id }, transaction })
  await syncFiles(existing, data.files, { videoId: null, videoStreamingPlaylistId: playlist.id }, video.uuid, '-fragmented', transaction)
}

/** Keeps the image row while its URL is the same; returns the row that was removed, if any. */
async function syncImage (videoId: number, type: number, image: RemoteImageData | null, existing: ThumbnailModel | undefined, transaction: Transaction) {
  if (existing && image && existing.fileUrl === image.url) {
    await existing.update({ width: image.width, height: image.height }, { transaction })
    return undefined
  }

  if (existing) await existing.destroy({ transaction })
  if (image) {
    const extension = (image.mediaType && REMOTE_IMAGES.MEDIA_TYPES[image.mediaType.toLowerCase()]) ?? '.jpg'
    await ThumbnailModel.create({
      filename: randomUUID() + extension,
      type,
      width: image.width,
      height: image.height,
      fileUrl: image.url,
      onDisk: false,
      videoId
    }, { transaction })
  }
  return existing
}
