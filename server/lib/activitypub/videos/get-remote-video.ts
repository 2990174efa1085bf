import { loggerWithTags } from '../../../helpers/logger.js'
import { RemoteRequestError } from '../../../helpers/requests/index.js'
import { REMOTE_VIDEOS } from '../../../initializers/constants/video-federation.js'
import { loadChannelByActorId } from '../../../models/actor/queries/actor-queries.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoModel } from '../../../models/video/video.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { outsideUnitOfWork } from '../../unit-of-work/unit-of-work.js'
import { deleteVideo } from '../../videos/delete-video.js'
import { getOrCreateActorByUrl } from '../actors/get-actor.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isLocalHost, isLocalUrl } from '../local-urls.js'
import { isSameOrigin } from '../ownership.js'
import { InvalidVideoObjectError, isVideoObject, parseVideoObject } from './parse-video-object.js'
import { syncRemoteVideoCounts } from '../rates/sync-remote-video-counts.js'
import { storeRemoteVideo } from './store-remote-video.js'
import { syncRemoteChapters } from '../../chapters/remote-chapters.js'

const log = loggerWithTags('activitypub', 'videos')

// Writes of one video run one after the other (a Create and an Update may arrive together: both apply, in
// order), and concurrent first fetches of one unknown video (Create, then two Announces) share one request.
const writes = new Map<string, Promise<unknown>>()
const fetches = new Map<string, Promise<VideoModel | undefined>>()

function serialized<T> (url: string, task: () => Promise<T>): Promise<T> {
  const previous = writes.get(url) ?? Promise.resolve()
  const next = previous.catch(() => undefined).then(task)
  const settled = next.catch(() => undefined)
  writes.set(url, settled)
  void settled.then(() => {
    if (writes.get(url) === settled) writes.delete(url)
  })
  return next
}

/**
 * Stores (or updates) a remote video from its Video object, which the caller has authenticated (delivered
 * inline by an actor of its origin, or fetched from its origin) and admitted (trust/: its publisher or announcer
 * is followed here, or a user asked for it). Its channel is fetched when unknown.
 */
export interface RemoteVideoStoreOptions {
  /** A new public video is news for local subscribers of its channel: true for a delivered activity, not a crawl. */
  notifyIfNew?: boolean
}

export function upsertRemoteVideo (object: Record<string, unknown>, audienceTo?: unknown, options: RemoteVideoStoreOptions = {}) {
  const url = typeof object.id === 'string' ? object.id : ''
  return serialized(url, async () => {
    const data = parseVideoObject(object, audienceTo)
    if (isLocalUrl(data.url) || isLocalHost(data.url)) throw new InvalidVideoObjectError(data.url, 'a remote document claims one of our URLs')

    const channelActor = await getOrCreateActorByUrl(data.channelUrl)
    if (channelActor.type !== 'Group' || channelActor.isLocal()) throw new InvalidVideoObjectError(data.url, `${data.channelUrl} is not a remote channel`)
    const channel = await loadChannelByActorId(channelActor.id)
    if (!channel) throw new InvalidVideoObjectError(data.url, `no channel behind ${data.channelUrl}`)

    const result = await storeRemoteVideo(data, channel, { notifyIfNew: options.notifyIfNew })
    if (result.outdated) {
      log.info(`Remote video ${data.url}: object of ${data.originUpdatedAt?.toISOString()} older than our copy, ignored`)
      return result
    }
    log.info(`${result.created ? 'Stored' : 'Updated'} remote video ${data.url} ("${data.name}")`)
    await syncRemoteVideoCounts(result.video, object)
    await syncRemoteChapters(result.video, object)
    return result
  })
}

/** The Video object at `url`, read from its origin; undefined when the document there is not a Video. */
export async function fetchVideoObject (url: string) {
  const { body } = await fetchRemoteObject(url)
  if (!isVideoObject(body)) return undefined
  // The document must live where it was asked for: a server cannot answer for another's video.
  if (!isSameOrigin(String(body.id), url)) throw new InvalidVideoObjectError(url, `served with the id ${String(body.id)} of another origin`)
  return body
}

/**
 * The video at `url`: stored, or fetched from its origin and stored. Undefined when `url` is not a Video.
 * A stored copy older than REFRESH_AFTER_MS is returned as is and refreshed in the background. The caller has
 * decided the video is wanted here (a followed announcer, a user's search by URL).
 */
export async function getOrFetchRemoteVideo (url: string, options: RemoteVideoStoreOptions = {}) {
  const stored = await VideoModel.loadByUrl(url)
  if (stored) {
    scheduleRemoteVideoRefreshIfStale(stored)
    return stored
  }
  if (isLocalUrl(url)) return undefined

  const running = fetches.get(url)
  if (running) return running
  const promise = (async () => {
    const object = await fetchVideoObject(url)
    if (!object) return undefined
    return (await upsertRemoteVideo(object, undefined, options)).video
  })().finally(() => fetches.delete(url))
  fetches.set(url, promise)
  return promise
}

export function isRemoteVideoStale (video: Pick<VideoModel, 'remote' | 'updatedAt'>) {
  return video.remote && Date.now() - video.updatedAt.getTime() > REMOTE_VIDEOS.REFRESH_AFTER_MS
}

/** Queues a refresh of a remote video whose copy is old (one job per video, however many ask). */
export function scheduleRemoteVideoRefreshIfStale (video: Pick<VideoModel, 'remote' | 'updatedAt' | 'url'>) {
  if (!isRemoteVideoStale(video)) return
  outsideUnitOfWork(() => jobQueue.createJob('activitypub-refresher', { type: 'video', url: video.url }, { dedupKey: `refresh-video:${video.url}` }))
    .catch(err => log.warn(`Cannot schedule the refresh of ${video.url}`, { err }))
}

/** The comments its origin lists are read again (new ones, edits, deletions), in the background. */
async function scheduleCommentsCrawl (object: Record<string, unknown>) {
  const comments = object.comments
  if (typeof comments !== 'string' || !isSameOrigin(comments, String(object.id))) return
  await jobQueue.createJob('activitypub-http-fetcher', { uri: comments, type: 'video-comments' }, { dedupKey: `crawl-comments:${comments}` })
}

/**
 * activitypub-refresher of type 'video': reads the video from its origin again (and its counts and comments).
 * Gone there (404/410) or no longer a Video: deleted here. Other failures are left to a later refresh.
 */
export async function refreshRemoteVideo (url: string) {
  const video = await VideoModel.findOne({ where: { url }, include: detailsIncludes() })
  if (!video || !video.remote) return { skipped: true }

  try {
    const object = await fetchVideoObject(url)
    if (object) {
      await upsertRemoteVideo(object)
      await scheduleCommentsCrawl(object)
      return { refreshed: true }
    }
  } catch (err) {
    const gone = err instanceof RemoteRequestError && (err.status === 404 || err.status === 410)
    if (!gone) throw err
  }

  log.info(`Remote video ${url} is gone from its origin: deleting our copy`)
  await deleteVideo(video)
  return { deleted: true }
}
