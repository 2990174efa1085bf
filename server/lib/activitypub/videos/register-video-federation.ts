import { registerCommentFederation } from '../comments/register-comment-federation.js'
import { registerRateFederation } from '../rates/register-rate-federation.js'
import { registerRemoteVideoHandlers } from './process-video-activities.js'
import { registerVideoOutbox } from './video-outbox.js'

let registered = false

/**
 * Makes federation handle remote videos (activity handlers, outbox provider, refresher), and the comments and
 * ratings of videos. Local videos are federated by the federate-video job their changes record. Called once at
 * start-up, before the HTTP server and the job queue take work.
 */
export function registerVideoFederation () {
  if (registered) return
  registered = true

  registerRemoteVideoHandlers()
  registerVideoOutbox()
  // Conversations about videos: their handlers come after the video ones, which take Video objects first.
  registerCommentFederation()
  registerRateFederation()
}
