/** Lifetimes of the secrets sent by e-mail (PeerTube's). A link is single-use: it is forgotten once used. */
export const USER_SECRETS = {
  PASSWORD_RESET_LIFETIME_MS: 60 * 60_000,
  /** An administrator's "create your password" link for a user created without one. */
  PASSWORD_CREATE_LIFETIME_MS: 7 * 24 * 60 * 60_000,
  EMAIL_VERIFY_LIFETIME_MS: 60 * 60_000
} as const

/** One contact form per IP address for this long. */
export const CONTACT_FORM = {
  LIFETIME_MS: 60 * 60_000,
  FROM_NAME: { min: 1, max: 120 },
  SUBJECT: { min: 1, max: 120 },
  BODY: { min: 3, max: 5000 }
} as const

export const EMAIL_JOB = {
  ATTEMPTS: 5,
  BACKOFF_MS: 10_000,
  /** An SMTP server that does not answer within this is a failed attempt. */
  SMTP_TIMEOUT_MS: 30_000
} as const
