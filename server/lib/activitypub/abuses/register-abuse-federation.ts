import { registerObjectActivityHandler } from '../process/object-handlers.js'
import { processFlag } from './process-flag.js'

let registered = false

/** Received Flags become reports. Called once at start-up with the other federation handlers. */
export function registerAbuseFederation () {
  if (registered) return
  registered = true
  registerObjectActivityHandler('Flag', processFlag)
}
