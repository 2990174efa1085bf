import { UserRight, UserRole } from '../../../../shared/models/users.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { notifyNewUserRegistration } from '../../../lib/notifications/index.js'
import { queueVerifyUserEmail } from '../../../lib/users/account-emails.js'
import { createLocalUser } from '../../../lib/users/create-local-user.js'
import { listRegistrations } from '../../../lib/users/registration-list.js'
import { acceptRegistration, deleteRegistration, rejectRegistration, requestRegistration } from '../../../lib/users/registrations.js'
import { ensureSignupAllowed } from '../../../lib/users/signup.js'
import {
  listRegistrationsQuery, moderateRegistrationBody, registerUserBody, registrationIdParams, registrationRequestBody
} from '../../../middlewares/validation/users.js'
import { formatUserRegistration } from '../../../models/user/formatters/user-registration-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** Sign-up: direct (signup.enabled) or by request approved by a moderator (signup.requires_approval). */
export const registrationsRouter = new ApiRouter('/api/v1')

registrationsRouter.post('/users/register', {
  operationId: 'registerUser',
  summary: 'Register a user (signup enabled, no approval required)',
  tags: [ 'Register' ],
  auth: 'none',
  body: registerUserBody,
  responses: { 204: 'Registered', 400: 'Invalid field', 403: 'Signup closed, needing approval, or user limit reached', 409: 'Username, email or channel name taken' }
}, async ({ body }, _req, res) => {
  await ensureSignupAllowed('direct-registration')

  // With verification required, the account exists at once but cannot log in before its address is verified.
  // The mail and the moderators' notification are recorded with the user.
  const requiresVerification = CONFIG.signup.requires_email_verification
  await createLocalUser({
    username: body.username,
    email: body.email,
    password: body.password,
    role: UserRole.USER,
    displayName: body.displayName,
    channel: body.channel,
    emailVerified: requiresVerification ? false : null
  }, async ({ user }) => {
    if (requiresVerification) await queueVerifyUserEmail(user)
    await notifyNewUserRegistration(user)
  })
  res.sendStatus(204)
})

registrationsRouter.post('/users/registrations/request', {
  operationId: 'requestRegistration',
  summary: 'Request a registration, for a moderator to accept or reject',
  tags: [ 'Register' ],
  auth: 'none',
  body: registrationRequestBody,
  responses: { 200: 'The registration', 400: 'Invalid field, or approval not enabled', 403: 'Signup closed or user limit reached', 409: 'Username, email or channel name taken' }
}, async ({ body }, _req, res) => {
  await ensureSignupAllowed('request-registration')

  // The verification mail and the moderators' notification are recorded with the request (lib/users/registrations.ts).
  const registration = await requestRegistration(body, { requiresEmailVerification: CONFIG.signup.requires_email_verification })
  res.json(formatUserRegistration(registration))
})

registrationsRouter.get('/users/registrations', {
  operationId: 'listRegistrations',
  summary: 'List registrations',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  query: listRegistrationsQuery
}, async ({ query }, _req, res) => {
  const { total, data } = await listRegistrations(query)
  res.json({ total, data: data.map(formatUserRegistration) })
})

registrationsRouter.post('/users/registrations/:registrationId/accept', {
  operationId: 'acceptRegistration',
  summary: 'Accept a registration: the user is created',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  params: registrationIdParams,
  body: moderateRegistrationBody,
  responses: { 204: 'Accepted', 400: 'Already accepted or rejected', 404: 'No such registration', 409: 'A name was taken meanwhile' }
}, async ({ params, body }, _req, res) => {
  await acceptRegistration(params.registrationId, body.moderationResponse)
  res.sendStatus(204)
})

registrationsRouter.post('/users/registrations/:registrationId/reject', {
  operationId: 'rejectRegistration',
  summary: 'Reject a registration',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  params: registrationIdParams,
  body: moderateRegistrationBody,
  responses: { 204: 'Rejected', 400: 'Already accepted or rejected', 404: 'No such registration' }
}, async ({ params, body }, _req, res) => {
  await rejectRegistration(params.registrationId, body.moderationResponse)
  res.sendStatus(204)
})

registrationsRouter.delete('/users/registrations/:registrationId', {
  operationId: 'deleteRegistration',
  summary: 'Delete a registration (a user created from it stays)',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  params: registrationIdParams,
  responses: { 204: 'Deleted', 404: 'No such registration' }
}, async ({ params }, _req, res) => {
  await deleteRegistration(params.registrationId)
  res.sendStatus(204)
})
