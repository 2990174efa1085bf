import { buildActivityPubContext } from '../../../helpers/activitypub/index.js'
import { AccountVideoRateModel } from '../../../models/account/account-video-rate.js'
import { VideoChapterModel } from '../../../models/video/video-chapter.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import { VideoShareModel } from '../../../models/video/video-share.js'
import type { VideoModel } from '../../../models/video/video.js'
import { chaptersToActivityPub } from '../../chapters/video-chapters.js'
import { instanceAccountId } from '../../moderation/instance-account.js'
import { videoOwnerAccountId } from '../../video-comments/comment-rules.js'
import { videoCollectionUrls } from '../videos/video-activity-urls.js'
import { buildOrderedCollection } from './ordered-collection.js'

// A local video's ActivityPub collections (controllers/activitypub/videos.ts serves them): shares, ratings,
// comments and chapters.

type CollectionVideo = Pick<VideoModel, 'id' | 'url' | 'duration'> & Parameters<typeof videoOwnerAccountId>[0]

export function videoSharesCollection (video: CollectionVideo, page: number | undefined) {
  return buildOrderedCollection(videoCollectionUrls(video).shares, page, (start, count) => VideoShareModel.listUrlsByVideo(video.id, start, count))
}

/** One share (an Announce) of the video by this actor, with the actor. */
export function loadVideoShare (actorId: number, videoId: number) {
  return VideoShareModel.loadWithActor(actorId, videoId)
}

export function videoRatesCollection (video: CollectionVideo, name: 'likes' | 'dislikes', page: number | undefined) {
  const type = name === 'likes' ? 'like' : 'dislike'
  return buildOrderedCollection(videoCollectionUrls(video)[name], page, (start, count) => AccountVideoRateModel.listUrlsByVideo(video.id, type, start, count))
}

export function videoCommentsCollection (video: CollectionVideo, page: number | undefined) {
  // What the instance or the video's owner muted is no part of the public conversation.
  const mutedBy = [ instanceAccountId(), videoOwnerAccountId(video) ]
  return buildOrderedCollection(videoCollectionUrls(video).comments, page, (start, count) => VideoCommentModel.listUrlsForActivityPub(video.id, start, count, mutedBy))
}

/** PeerTube's `hasPart` document of a video's chapters. */
export async function videoChaptersDocument (video: CollectionVideo) {
  const chapters = chaptersToActivityPub(await VideoChapterModel.listOfVideo(video.id), video.duration)
  return { '@context': buildActivityPubContext('Chapters'), id: videoCollectionUrls(video).hasParts, hasPart: chapters }
}
