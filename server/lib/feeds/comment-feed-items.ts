import type { Feed } from '@peertube/feed'
import { markdownToPlainText, markdownToSafeHtml } from '../../helpers/text/markdown-text.js'
import type { VideoCommentModel } from '../../models/video/video-comment.js'
import { accountClientUrl, videoWatchUrl } from '../client-urls.js'

/** One item per comment: its text, its author, a link to its thread on the video's page. */
export function addCommentItems (feed: Feed, comments: VideoCommentModel[]) {
  for (const comment of comments) {
    const video = comment.Video!
    const author = comment.Account!
    const link = `${videoWatchUrl(video)};threadId=${comment.threadId()}`

    feed.addItem({
      title: `${video.name} - ${author.name}`,
      id: comment.url,
      guid: comment.url,
      link,
      date: comment.createdAt,
      description: markdownToPlainText(comment.text, 250),
      content: markdownToSafeHtml(comment.text),
      author: [ { name: author.name, link: accountClientUrl(author) } ]
    })
  }
}
