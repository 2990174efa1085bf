import { UserRight } from '../../../../shared/models/users.js'
import {
  addAbuseMessage, deleteAbuse, deleteAbuseMessage, ensureCanUseAbuseMessages, loadAbuseOrFail, moderateAbuse
} from '../../../lib/moderation/abuses/moderate-abuse.js'
import { listAbuseMessages, listAbusesForApi } from '../../../lib/moderation/abuses/abuse-lists.js'
import { reportAbuse } from '../../../lib/moderation/abuses/report-abuse.js'
import {
  abuseIdParams, abuseMessageBody, abuseMessageParams, listAbusesQuery, listMyAbusesQuery, reportAbuseBody, updateAbuseBody
} from '../../../middlewares/validation/moderation.js'
import { formatAbuseMessage, formatAdminAbuse, formatUserAbuse } from '../../../models/moderation/formatters/abuse-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** Abuse reports (PeerTube's Abuses tag): users report, moderators triage, both talk through messages. */
export const abusesRouter = new ApiRouter('/api/v1')

abusesRouter.post('/abuses', {
  operationId: 'reportAbuse',
  summary: 'Report a video (optionally a time range of it), a comment or an account; a remote object\'s origin gets a Flag',
  tags: [ 'Abuses' ],
  auth: 'required',
  body: reportAbuseBody,
  responses: { 200: 'The report\'s id', 400: 'Invalid field (no reason, own video, several objects...)', 404: 'No such video, comment or account' }
}, async ({ user, body }, _req, res) => {
  const abuse = await reportAbuse(user, body)
  res.json({ abuse: { id: abuse.id } })
})

abusesRouter.get('/abuses', {
  operationId: 'getAbuses',
  summary: 'List reports, with filters (state, type, reporter, reportee, video, channel, predefined reason)',
  tags: [ 'Abuses' ],
  auth: 'required',
  right: UserRight.MANAGE_ABUSES,
  query: listAbusesQuery
}, async ({ query }, _req, res) => {
  const { total, data, figures } = await listAbusesForApi(query)
  res.json({ total, data: data.map(abuse => formatAdminAbuse(abuse, figures.get(abuse.id))) })
})

abusesRouter.get('/users/me/abuses', {
  operationId: 'getMyAbuses',
  summary: 'List my reports',
  tags: [ 'Abuses', 'My User' ],
  auth: 'required',
  query: listMyAbusesQuery
}, async ({ user, query }, _req, res) => {
  const { total, data, figures } = await listAbusesForApi({ ...query, reporterAccountId: user.Account.id })
  res.json({ total, data: data.map(abuse => formatUserAbuse(abuse, figures.get(abuse.id))) })
})

abusesRouter.put('/abuses/:abuseId', {
  operationId: 'putAbuse',
  summary: 'Accept or reject a report, and/or set the note only moderators read',
  tags: [ 'Abuses' ],
  auth: 'required',
  right: UserRight.MANAGE_ABUSES,
  params: abuseIdParams,
  body: updateAbuseBody,
  responses: { 204: 'Updated', 404: 'No such report' }
}, async ({ params, body }, _req, res) => {
  await moderateAbuse(await loadAbuseOrFail(params.abuseId), body)
  res.sendStatus(204)
})

abusesRouter.delete('/abuses/:abuseId', {
  operationId: 'deleteAbuse',
  summary: 'Delete a report (here only: the other instance keeps its own)',
  tags: [ 'Abuses' ],
  auth: 'required',
  right: UserRight.MANAGE_ABUSES,
  params: abuseIdParams,
  responses: { 204: 'Deleted', 404: 'No such report' }
}, async ({ params }, _req, res) => {
  await deleteAbuse(await loadAbuseOrFail(params.abuseId))
  res.sendStatus(204)
})

abusesRouter.get('/abuses/:abuseId/messages', {
  operationId: 'listAbuseMessages',
  summary: 'List the messages of a report (its reporter and moderators only)',
  tags: [ 'Abuses' ],
  auth: 'required',
  params: abuseIdParams,
  responses: { 200: 'The messages', 403: 'Not your report', 404: 'No such report' }
}, async ({ user, params }, _req, res) => {
  const abuse = await loadAbuseOrFail(params.abuseId)
  ensureCanUseAbuseMessages(abuse, user)
  const { total, data } = await listAbuseMessages(abuse.id)
  res.json({ total, data: data.map(formatAbuseMessage) })
})

abusesRouter.post('/abuses/:abuseId/messages', {
  operationId: 'addAbuseMessage',
  summary: 'Write to the other side of a report (reporter to moderators, or the reverse)',
  tags: [ 'Abuses' ],
  auth: 'required',
  params: abuseIdParams,
  body: abuseMessageBody,
  responses: { 200: 'The message\'s id', 400: 'Invalid message', 403: 'Not your report', 404: 'No such report' }
}, async ({ user, params, body }, _req, res) => {
  const abuse = await loadAbuseOrFail(params.abuseId)
  ensureCanUseAbuseMessages(abuse, user)
  const message = await addAbuseMessage(abuse, user, body.message)
  res.json({ abuseMessage: { id: message.id } })
})

abusesRouter.delete('/abuses/:abuseId/messages/:abuseMessageId', {
  operationId: 'deleteAbuseMessage',
  summary: 'Delete a message of a report (its author, or a moderator)',
  tags: [ 'Abuses' ],
  auth: 'required',
  params: abuseMessageParams,
  responses: { 204: 'Deleted', 403: 'Not yours', 404: 'No such report or message' }
}, async ({ user, params }, _req, res) => {
  const abuse = await loadAbuseOrFail(params.abuseId)
  ensureCanUseAbuseMessages(abuse, user)
  await deleteAbuseMessage(abuse, params.abuseMessageId, user)
  res.sendStatus(204)
})
