import type { Transaction } from 'sequelize'
import { sumUserVideoBytes } from '../../models/user/queries/user-quota.js'
import type { UserModel } from '../../models/user/user.js'
import { HttpProblem } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { DAILY_QUOTA_WINDOW_MS } from './user-constraints.js'

/** Bytes the user's videos take now (largest file of each video). */
export async function getUserVideoQuotaUsed (userId: number, transaction?: Transaction) {
  return sumUserVideoBytes(userId, null, transaction)
}

/** Bytes of the user's video files created in the last 24 hours. */
export async function getUserVideoQuotaUsedDaily (userId: number, transaction?: Transaction) {
  return sumUserVideoBytes(userId, new Date(Date.now() - DAILY_QUOTA_WINDOW_MS), transaction)
}

export type QuotaHolder = Pick<UserModel, 'id' | 'videoQuota' | 'videoQuotaDaily'>

/** Whether `incomingBytes` more fit in both quotas (-1 is unlimited; a quota of N bytes holds exactly N bytes). */
export async function isAbleToUpload (user: QuotaHolder, incomingBytes: number) {
  if (user.videoQuota === -1 && user.videoQuotaDaily === -1) return true

  const [ used, usedDaily ] = await Promise.all([
    user.videoQuota === -1 ? 0 : getUserVideoQuotaUsed(user.id),
    user.videoQuotaDaily === -1 ? 0 : getUserVideoQuotaUsedDaily(user.id)
  ])

  const totalFits = user.videoQuota === -1 || used + incomingBytes <= user.videoQuota
  const dailyFits = user.videoQuotaDaily === -1 || usedDaily + incomingBytes <= user.videoQuotaDaily
  return totalFits && dailyFits
}

/**
 * Refuses an upload of `incomingBytes` that would exceed the user's total or daily quota, before any byte is
 * stored: 413 with code `quota_reached`, as PeerTube answers (its OpenAPI documents 413 for uploads).
 */
export async function checkUserQuota (user: QuotaHolder, incomingBytes: number) {
  if (await isAbleToUpload(user, incomingBytes)) return

  throw new HttpProblem({
    status: 413,
    detail: 'The user video quota is exceeded with this video',
    code: ProblemCode.QUOTA_REACHED
  })
}
