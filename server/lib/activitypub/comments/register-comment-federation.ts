import { getObjectId } from '../activity-types.js'
import { registerCrawlItemHandler } from '../jobs/http-fetcher-job.js'
import { registerActivityProcessor, registerDeleteAuthority, registerObjectActivityHandler } from '../process/index.js'
import { commentActivityHandlers, processApproveReply, storeCommentFromUrl, videoOwnerMayDeleteComment } from './process-comment-activities.js'

/** Makes federation handle comments: Create/Update/Delete of Notes, ApproveReply, crawls of comments collections. */
export function registerCommentFederation () {
  registerObjectActivityHandler('Create', commentActivityHandlers.processCreateNote)
  registerObjectActivityHandler('Update', commentActivityHandlers.processUpdateNote)
  registerObjectActivityHandler('Delete', commentActivityHandlers.processDeleteComment)
  registerDeleteAuthority(videoOwnerMayDeleteComment)
  registerActivityProcessor('ApproveReply', processApproveReply)
  registerCrawlItemHandler('video-comments', async item => {
    const url = getObjectId(item)
    if (url) await storeCommentFromUrl(url)
  })
}
