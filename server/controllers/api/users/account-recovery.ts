import { z } from 'zod'
import { requestAccountEmail } from '../../../lib/users/account-email-requests.js'
import { resetPassword, verifyRegistrationEmail, verifyUserEmail } from '../../../lib/users/account-recovery.js'
import { emailField, passwordField, registrationIdParams, userIdParams } from '../../../middlewares/validation/users.js'
import { ApiRouter } from '../../shared/api-router.js'

/**
 * Password reset and address verification (PeerTube's routes). The "ask" routes answer 204 whatever the address,
 * after the same work: they never tell whether an account has it.
 */
export const accountRecoveryRouter = new ApiRouter('/api/v1')

const emailBody = z.object({ email: emailField })
const verificationString = z.string({ message: 'Should have a verification string' }).min(1, 'Should have a verification string').max(200)

accountRecoveryRouter.post('/users/ask-reset-password', {
  operationId: 'askResetPassword',
  summary: 'Send a password reset link to this address, if an account has it',
  tags: [ 'Users' ],
  auth: 'none',
  body: emailBody,
  responses: { 204: 'Done (whether or not an account has this address)', 409: 'E-mail is not configured' }
}, async ({ body }, _req, res) => {
  await requestAccountEmail('reset-password', body.email)
  res.sendStatus(204)
})

accountRecoveryRouter.post('/users/:id/reset-password', {
  operationId: 'resetPassword',
  summary: 'Set a new password with the secret of a reset link (single-use, valid for an hour)',
  tags: [ 'Users' ],
  auth: 'none',
  params: userIdParams,
  body: z.object({ verificationString, password: passwordField }),
  responses: { 204: 'Password changed, sessions ended', 403: 'Wrong, used or expired verification string' }
}, async ({ params, body }, _req, res) => {
  await resetPassword(params.id, body.verificationString, body.password)
  res.sendStatus(204)
})

accountRecoveryRouter.post('/users/ask-send-verify-email', {
  operationId: 'resendEmailToVerifyUser',
  summary: 'Send the address verification link again, if an unverified account has this address',
  tags: [ 'Users', 'Register' ],
  auth: 'none',
  body: emailBody,
  responses: { 204: 'Done (whether or not an account has this address)', 409: 'E-mail is not configured' }
}, async ({ body }, _req, res) => {
  await requestAccountEmail('verify-email', body.email)
  res.sendStatus(204)
})

accountRecoveryRouter.post('/users/:id/verify-email', {
  operationId: 'verifyUser',
  summary: 'Verify the address of an account (or its new, pending address) with the secret of its link',
  tags: [ 'Users', 'Register' ],
  auth: 'none',
  params: userIdParams,
  body: z.object({ verificationString, isPendingEmail: z.boolean({ message: 'Should have a boolean isPendingEmail' }).optional() }),
  responses: { 204: 'Verified', 403: 'Wrong, used or expired verification string', 409: 'The pending address was taken meanwhile' }
}, async ({ params, body }, _req, res) => {
  await verifyUserEmail(params.id, body.verificationString, body.isPendingEmail === true)
  res.sendStatus(204)
})

accountRecoveryRouter.post('/users/registrations/ask-send-verify-email', {
  operationId: 'resendEmailToVerifyRegistration',
  summary: 'Send the verification link of a registration request again',
  tags: [ 'Register' ],
  auth: 'none',
  body: emailBody,
  responses: { 204: 'Done (whether or not a registration has this address)', 409: 'E-mail is not configured' }
}, async ({ body }, _req, res) => {
  await requestAccountEmail('verify-registration-email', body.email)
  res.sendStatus(204)
})

accountRecoveryRouter.post('/users/registrations/:registrationId/verify-email', {
  operationId: 'verifyRegistrationEmail',
  summary: 'Verify the address of a registration request',
  tags: [ 'Register' ],
  auth: 'none',
  params: registrationIdParams,
  body: z.object({ verificationString }),
  responses: { 204: 'Verified', 403: 'Wrong, used or expired verification string' }
}, async ({ params, body }, _req, res) => {
  await verifyRegistrationEmail(params.registrationId, body.verificationString)
  res.sendStatus(204)
})
