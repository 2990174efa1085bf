import { registerObjectActivityHandler } from '../../activitypub/process/object-handlers.js'
import { processRelayAnnounce } from '../relay/relay-announce.js'
import { processViewerActivity } from './process-live-views.js'

let registered = false

/** Viewers (View with `expires`) and relay announces (Create of a CacheFile). */
export function registerLiveFederation () {
  if (registered) return
  registered = true
  registerObjectActivityHandler('View', processViewerActivity)
  registerObjectActivityHandler('Create', processRelayAnnounce)
}
