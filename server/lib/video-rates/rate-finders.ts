import { AccountVideoRateModel } from '../../models/account/account-video-rate.js'

// Likes and dislikes as requests name them: by their activity's URL, by account and video, an account's list.

/** With its account and video; null when undone or never made. */
export function loadRateByUrl (url: string) {
  return AccountVideoRateModel.loadByUrl(url)
}

/** This account's rating of this video; null when it has none. */
export function loadRateOfAccount (accountId: number, videoId: number) {
  return AccountVideoRateModel.load(accountId, videoId)
}

/** An account's ratings with their videos (what formatVideo needs). */
export function listRatesOfAccount (options: Parameters<typeof AccountVideoRateModel.listForAccount>[0]) {
  return AccountVideoRateModel.listForAccount(options)
}
