import { Op, QueryTypes } from 'sequelize'
import { AccountModel } from '../../account/account.js'
import { notMutedAccountSql } from '../../moderation/queries/video-moderation-filters.js'
import { VideoCommentModel } from '../video-comment.js'
import { VideoModel } from '../video.js'

// Comment lists. Each runs one SQL query for the page (ids, counters, total), then loads the page's rows with
// their authors. Moderation (muted accounts and servers) is part of what a viewer sees: visibleToViewer() and
// adminFilters().

/**
 * Who is looking: held comments show to their author, and to everyone when `canSeeHeld` (video owner, moderator).
 * Comments of accounts (or on servers) muted by `mutedByAccountIds` are left out, with their replies.
 */
export interface CommentViewer {
  accountId?: number
  canSeeHeld: boolean
  mutedByAccountIds: number[]
}

export type CommentWithCounters = VideoCommentModel & { totalReplies: number, totalRepliesFromVideoAuthor: number }

function visibleToViewer (alias: string, viewer: CommentViewer) {
  const held = `("${alias}"."heldForReview" = false OR :canSeeHeld OR "${alias}"."accountId" = :viewerAccountId)`
  // A tombstone read without its author has no account to be muted.
  const muted = notMutedAccountSql(`"${alias}"."accountId"`, viewer.mutedByAccountIds)
  return muted === 'TRUE' ? held : `(${held} AND ("${alias}"."accountId" IS NULL OR ${muted}))`
}

function viewerReplacements (viewer: CommentViewer) {
  return { canSeeHeld: viewer.canSeeHeld, viewerAccountId: viewer.accountId ?? -1 }
}

/** Replies counted under a thread's first comment: visible to the viewer and not deleted. */
function replyCounters (videoAccountId: number, viewer: CommentViewer) {
  return `
    (SELECT count(*) FROM "videoComment" r
      WHERE r."videoId" = c."videoId" AND r."originCommentId" = c.id AND r."deletedAt" IS NULL AND ${visibleToViewer('r', viewer)})::int AS "totalReplies",
    (SELECT count(*) FROM "videoComment" r
      WHERE r."videoId" = c."videoId" AND r."originCommentId" = c.id AND r."deletedAt" IS NULL AND ${visibleToViewer('r', viewer)}
        AND r."accountId" = ${Number(videoAccountId)})::int
      AS "totalRepliesFromVideoAuthor"`
}

const THREAD_ORDERS: Record<string, string> = {
  createdAt: 'c."createdAt" ASC, c.id ASC',
  '-createdAt': 'c."createdAt" DESC, c.id DESC',
  totalReplies: '"totalReplies" ASC, c."createdAt" DESC, c.id DESC',
  '-totalReplies': '"totalReplies" DESC, c."createdAt" DESC, c.id DESC'
}

async function loadWithAuthors (ids: number[]) {
  if (ids.length === 0) return new Map<number, VideoCommentModel>()
  const rows = await VideoCommentModel.findAll({
    where: { id: { [Op.in]: ids } },
    include: [ { model: AccountModel, required: false, include: [ AccountModel.withActor() ] } ]
  })
  return new Map(rows.map(r => [ r.id, r ]))
}

function withCounters (rows: { id: number, totalReplies?: number, totalRepliesFromVideoAuthor?: number }[], models: Map<number, VideoCommentModel>) {
  return rows.flatMap(row => {
    const model = models.get(row.id)
    if (!model) return []
    return [ Object.assign(model, { totalReplies: row.totalReplies ?? 0, totalRepliesFromVideoAuthor: row.totalRepliesFromVideoAuthor ?? 0 }) as CommentWithCounters ]
  })
}

/**
 * The threads of a video (first comments), with their reply counts. A deleted first comment is listed while
 * replies hang under it. `totalNotDeletedComments` counts every comment of the video the viewer can see.
 */
export async function listCommentThreads (options: {
  videoId: number
  videoAccountId: number
  viewer: CommentViewer
  start: number
  count: number
  sort: string
}) {
  const sequelize = VideoCommentModel.sequelize!
  const replacements = { ...viewerReplacements(options.viewer), videoId: options.videoId, start: options.start, count: options.count }
  const threadsFrom = `
    FROM "videoComment" c
    WHERE c."videoId" = :videoId AND c."inReplyToCommentId" IS NULL AND ${visibleToViewer('c', options.viewer)}
      AND (c."deletedAt" IS NULL OR EXISTS (
        SELECT 1 FROM "videoComment" r
        WHERE r."videoId" = c."videoId" AND r."originCommentId" = c.id AND r."deletedAt" IS NULL AND ${visibleToViewer('r', options.viewer)}))`

  const [ rows, [ totals ] ] = await Promise.all([
    sequelize.query<{ id: number, totalReplies: number, totalRepliesFromVideoAuthor: number }>(
      `SELECT c.id, ${replyCounters(options.videoAccountId, options.viewer)} ${threadsFrom}
       ORDER BY ${THREAD_ORDERS[options.sort] ?? THREAD_ORDERS['-createdAt']} OFFSET :start LIMIT :count`,
      { type: QueryTypes.SELECT, replacements }
    ),
    sequelize.query<{ total: number, totalNotDeleted: number }>(
      `SELECT (SELECT count(*) ${threadsFrom})::int AS total,
              (SELECT count(*) FROM "videoComment" c WHERE c."videoId" = :videoId AND c."deletedAt" IS NULL AND ${visibleToViewer('c', options.viewer)})::int AS "totalNotDeleted"`,
      { type: QueryTypes.SELECT, replacements }
    )
  ])

  return {
    total: totals.total,
    totalNotDeletedComments: totals.totalNotDeleted,
    data: withCounters(rows, await loadWithAuthors(rows.map(r => r.id)))
  }
}

/** A thread's comments the viewer can see, oldest first (the tree is built from them); empty when it has none. */
export async function listThreadComments (options: { videoId: number, videoAccountId: number, threadId: number, viewer: CommentViewer }) {
  const rows = await VideoCommentModel.sequelize!.query<{ id: number, totalReplies: number, totalRepliesFromVideoAuthor: number }>(
    `SELECT c.id, ${replyCounters(options.videoAccountId, options.viewer)}
     FROM "videoComment" c
     WHERE c."videoId" = :videoId AND (c.id = :threadId OR c."originCommentId" = :threadId) AND ${visibleToViewer('c', options.viewer)}
     ORDER BY c."createdAt" ASC, c.id ASC`,
    { type: QueryTypes.SELECT, replacements: { ...viewerReplacements(options.viewer), videoId: options.videoId, threadId: options.threadId } }
  )
  return withCounters(rows, await loadWithAuthors(rows.map(r => r.id)))
}

export interface AdminCommentFilters {
  start: number
  count: number
  sort: string
  /** In the text, the author's names and the video's name. */
  search?: string
  searchAccount?: string
  searchVideo?: string
  videoId?: number
  videoChannelId?: number
  /** Written by one of our accounts (true) or a remote one (false). */
  isLocal?: boolean
  /** On one of our videos (true) or a remote one (false). */
  onLocalVideo?: boolean
  isHeldForReview?: boolean
  /** Only comments on this account's videos (a video owner's list). */
  videoOwnerAccountId?: number
  /** Leave out comments of accounts (or on servers) these accounts muted (a video owner's list: theirs and the instance's). */
  mutedByAccountIds?: number[]
}

function likePattern (text: string) {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`
}

function adminFilters (filters: AdminCommentFilters) {
  const where = [ 'c."deletedAt" IS NULL' ]
  const replacements: Record<string, unknown> = {}
  const add = (condition: string, values: Record<string, unknown> = {}) => {
    where.push(condition)
    Object.assign(replacements, values)
  }

  if (filters.search) {
    add('(c.text ILIKE :search OR acc.name ILIKE :search OR a."preferredUsername" ILIKE :search OR v.name ILIKE :search)', { search: likePattern(filters.search) })
  }
  if (filters.searchAccount) add('(acc.name ILIKE :searchAccount OR a."preferredUsername" ILIKE :searchAccount)', { searchAccount: likePattern(filters.searchAccount) })
  if (filters.searchVideo) add('v.name ILIKE :searchVideo', { searchVideo: likePattern(filters.searchVideo) })
  if (filters.videoId !== undefined) add('c."videoId" = :videoId', { videoId: filters.videoId })
  if (filters.videoChannelId !== undefined) add('v."channelId" = :videoChannelId', { videoChannelId: filters.videoChannelId })
  if (filters.isLocal !== undefined) add(filters.isLocal ? 'a."serverId" IS NULL' : 'a."serverId" IS NOT NULL')
  if (filters.onLocalVideo !== undefined) add(filters.onLocalVideo ? 'v.remote = false' : 'v.remote = true')
  if (filters.isHeldForReview !== undefined) add('c."heldForReview" = :held', { held: filters.isHeldForReview })
  if (filters.videoOwnerAccountId !== undefined) add('ch."accountId" = :ownerAccountId', { ownerAccountId: filters.videoOwnerAccountId })
  if (filters.mutedByAccountIds && filters.mutedByAccountIds.length !== 0) add(notMutedAccountSql('c."accountId"', filters.mutedByAccountIds))

  return { where: where.join(' AND '), replacements }
}

/** Comments across videos, newest first by default: the moderators' list, or a video owner's. */
export async function listCommentsForAdmin (filters: AdminCommentFilters) {
  const sequelize = VideoCommentModel.sequelize!
  const { where, replacements } = adminFilters(filters)
  const from = `
    FROM "videoComment" c
    JOIN account acc ON acc.id = c."accountId"
    JOIN actor a ON a.id = acc."actorId"
    JOIN video v ON v.id = c."videoId"
    JOIN "videoChannel" ch ON ch.id = v."channelId"
    WHERE ${where}`
  const order = filters.sort === 'createdAt' ? 'c."createdAt" ASC, c.id ASC' : 'c."createdAt" DESC, c.id DESC'

  const [ rows, [ { total } ] ] = await Promise.all([
    sequelize.query<{ id: number }>(`SELECT c.id ${from} ORDER BY ${order} OFFSET :start LIMIT :count`, {
      type: QueryTypes.SELECT, replacements: { ...replacements, start: filters.start, count: filters.count }
    }),
    sequelize.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, { type: QueryTypes.SELECT, replacements })
  ])

  const ids = rows.map(r => r.id)
  const models = ids.length === 0
    ? []
    : await VideoCommentModel.findAll({
      where: { id: { [Op.in]: ids } },
      include: [
        { model: AccountModel, required: true, include: [ AccountModel.withActor() ] },
        { model: VideoModel, required: true, attributes: [ 'id', 'uuid', 'name' ] }
      ]
    })
  const byId = new Map(models.map(m => [ m.id, m ]))
  return { total, data: ids.map(id => byId.get(id)).filter((m): m is VideoCommentModel => m !== undefined) }
}

/** For GET /api/v1/server/stats: comments anyone can see (not deleted, not held), all and by our own accounts. */
export async function countVisibleComments () {
  const [ row ] = await VideoCommentModel.sequelize!.query<{ total: number, local: number }>(`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE a."serverId" IS NULL)::int AS local
    FROM "videoComment" c JOIN account acc ON acc.id = c."accountId" JOIN actor a ON a.id = acc."actorId"
    WHERE c."deletedAt" IS NULL AND c."heldForReview" = false`, { type: QueryTypes.SELECT })
  return { totalVideoComments: row.total, totalLocalVideoComments: row.local }
}
