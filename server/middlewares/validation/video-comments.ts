import { z } from 'zod'
import { VIDEO_RATE_TYPES } from '../../../shared/models/video-comments.js'
import {
  ACCOUNT_RATING_SORTS, COMMENT_LIST_SORTS, COMMENT_THREAD_SORTS, VIDEO_COMMENT_CONSTRAINTS
} from '../../initializers/constants/video-comments.js'
import { paginationQuery, positiveIntId, queryBoolean } from './fields.js'
import { videoIdParams } from './videos.js'

// Comment and rating requests, as PeerTube names their fields.

const { min, max } = VIDEO_COMMENT_CONSTRAINTS.TEXT
const textMessage = `Should have a comment text between ${min} and ${max} characters`

export const commentBody = z.object({
  text: z.string({ message: textMessage }).trim().min(min, textMessage).max(max, textMessage)
})

export const threadParams = videoIdParams.extend({ threadId: positiveIntId })
export const commentParams = videoIdParams.extend({ commentId: positiveIntId })

export const commentThreadsQuery = paginationQuery(COMMENT_THREAD_SORTS, '-createdAt')

const searchText = z.string().trim().max(250, 'Should have a search of at most 250 characters')

/** Filters of the moderators' list and of a video owner's list (`isHeldForReview` for owners). */
export const commentsListQuery = paginationQuery(COMMENT_LIST_SORTS, '-createdAt').extend({
  search: searchText.optional(),
  searchAccount: searchText.optional(),
  searchVideo: searchText.optional(),
  videoId: z.string().optional(),
  videoChannelId: positiveIntId.optional(),
  isLocal: queryBoolean.optional(),
  onLocalVideo: queryBoolean.optional(),
  isHeldForReview: queryBoolean.optional()
})

export const rateBody = z.object({
  rating: z.enum([ ...VIDEO_RATE_TYPES, 'none' ], { message: 'Should have a valid rating (like, dislike or none)' })
})

export const myRatingParams = z.object({
  videoId: videoIdParams.shape.id
})

export const accountRatingsQuery = paginationQuery(ACCOUNT_RATING_SORTS, '-createdAt').extend({
  rating: z.enum(VIDEO_RATE_TYPES, { message: 'Should have a valid rating (like or dislike)' }).optional()
})
