/** The `code` values of our problem bodies, named as PeerTube names its ServerErrorCode where one exists. */
export const ProblemCode = {
  INVALID_TOKEN: 'invalid_token',
  INVALID_GRANT: 'invalid_grant',
  INVALID_CLIENT: 'invalid_client',
  UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  RATE_LIMITED: 'too_many_requests',
  USER_BLOCKED: 'user_blocked',
  UNKNOWN_ROUTE: 'unknown_route',
  NOT_ALLOWED: 'not_allowed',
  QUOTA_REACHED: 'quota_reached',
  INVALID_VIDEO_FILE: 'incorrect_file',
  MAX_FILE_SIZE_REACHED: 'max_file_size_reached',
  DOES_NOT_RESPECT_FOLLOW_CONSTRAINTS: 'does_not_respect_follow_constraints',
  SERVICE_UNAVAILABLE: 'service_unavailable',
  INSUFFICIENT_STORAGE: 'insufficient_storage',
  EMAIL_NOT_VERIFIED: 'access_denied',
  LIVE_NOT_ENABLED: 'live_not_enabled',
  LIVE_NOT_ALLOWING_REPLAY: 'live_not_allowing_replay',
  MAX_INSTANCE_LIVES_LIMIT_REACHED: 'max_instance_lives_limit_reached',
  MAX_USER_LIVES_LIMIT_REACHED: 'max_user_lives_limit_reached'
} as const
