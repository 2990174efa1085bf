/** PeerTube's UserRegistrationState, as clients compare `state.id` against these numbers. */
export const UserRegistrationState = {
  PENDING: 1,
  REJECTED: 2,
  ACCEPTED: 3
} as const
export type UserRegistrationStateType = typeof UserRegistrationState[keyof typeof UserRegistrationState]

export const USER_REGISTRATION_STATE_LABELS: Record<UserRegistrationStateType, string> = {
  1: 'Pending',
  2: 'Rejected',
  3: 'Accepted'
}
