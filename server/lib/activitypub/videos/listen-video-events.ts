import { loggerWithTags } from '../../../helpers/logger.js'
import type { VideoModel } from '../../../models/video/video.js'
import { videoEvents } from '../../videos/video-events.js'
import { registerRemoteVideoHandlers } from './process-video-activities.js'
import { canVideoBeFederated, federateVideo, loadVideoForFederation, sendDeleteVideo, snapshotForDelete, unfederateVideo } from './send-video-activities.js'
import { registerVideoOutbox } from './video-outbox.js'

const log = loggerWithTags('activitypub', 'videos')

// Events of one video are handled one after the other: a 'published' followed at once by an 'updated' must
// send Create then Update, never two Creates.
const queues = new Map<number, Promise<void>>()

function serialize (videoId: number, task: () => Promise<void>) {
  const previous = queues.get(videoId) ?? Promise.resolve()
  const next: Promise<void> = previous
    .then(task)
    .catch(err => { log.error(`Cannot federate a change of video ${videoId}`, { err }) })
    .finally(() => {
      if (queues.get(videoId) === next) queues.delete(videoId)
    })
  queues.set(videoId, next)
  return next
}

/** Sends what remotes must know after a change: Create or Update while it may federate, Delete when it may not. */
async function onVideoChanged (videoId: number) {
  const video = await loadVideoForFederation(videoId)
  if (!video || video.remote) return

  if (canVideoBeFederated(video)) await federateVideo(video)
  else await unfederateVideo(video)
}

function onVideoDeleted (video: VideoModel) {
  // Read now: the rows are being removed while the Delete is prepared.
  const federated = canVideoBeFederated(video)
  let snapshot
  try {
    snapshot = snapshotForDelete(video)
  } catch (err) {
    log.warn(`Cannot federate the deletion of video ${video.uuid}: its owner is not loaded`, { err })
    return
  }
  if (!federated) return
  void serialize(video.id, () => sendDeleteVideo(snapshot))
}

let registered = false

/**
 * Makes federation follow local videos (Create/Announce/Update/Delete sent on their events) and handle remote
 * ones (activity handlers, outbox provider, refresher). Called once at start-up, before the HTTP server and the
 * job queue take work.
 */
export function registerVideoFederation () {
  if (registered) return
  registered = true

  videoEvents.on('published', video => { void serialize(video.id, () => onVideoChanged(video.id)) })
  videoEvents.on('updated', video => { void serialize(video.id, () => onVideoChanged(video.id)) })
  videoEvents.on('deleted', onVideoDeleted)

  registerRemoteVideoHandlers()
  registerVideoOutbox()
}
