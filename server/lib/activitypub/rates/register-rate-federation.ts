import { registerObjectActivityHandler } from '../process/index.js'
import { rateActivityHandlers } from './process-rate-activities.js'

/** Makes federation handle ratings: Like, Dislike and their Undo. */
export function registerRateFederation () {
  registerObjectActivityHandler('Like', rateActivityHandlers.processLike)
  registerObjectActivityHandler('Dislike', rateActivityHandlers.processDislike)
  registerObjectActivityHandler('Undo', rateActivityHandlers.processUndoRate)
}
