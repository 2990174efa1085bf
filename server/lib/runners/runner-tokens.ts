import { createHash, randomBytes } from 'node:crypto'
import { RUNNER_TOKEN_PREFIX } from '../../initializers/constants/runners.js'

export function generateRegistrationToken () {
  return RUNNER_TOKEN_PREFIX.REGISTRATION + randomBytes(24).toString('base64url')
}

export function generateRunnerToken () {
  return RUNNER_TOKEN_PREFIX.RUNNER + randomBytes(32).toString('base64url')
}

export function generateJobToken () {
  return RUNNER_TOKEN_PREFIX.JOB + randomBytes(32).toString('base64url')
}

/** Runner and job tokens are stored as their SHA-256: a database dump does not hand out working tokens. */
export function hashToken (token: string) {
  return createHash('sha256').update(token).digest('hex')
}
