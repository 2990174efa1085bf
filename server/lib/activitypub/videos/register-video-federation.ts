import { registerRemoteVideoHandlers } from './process-video-activities.js'
import { registerVideoOutbox } from './video-outbox.js'

let registered = false

/**
 * Makes federation handle remote videos (activity handlers, outbox provider, refresher). Local videos are
 * federated by the federate-video job their changes record. Called once at start-up, before the HTTP server and
 * the job queue take work.
 */
export function registerVideoFederation () {
  if (registered) return
  registered = true

  registerRemoteVideoHandlers()
  registerVideoOutbox()
}
