/** Problem `code`s of the runner API: PeerTube's ServerErrorCode values where PeerTube's runner reads them. */
export const RUNNER_PROBLEM = {
  UNKNOWN_RUNNER_TOKEN: 'unknown_runner_token',
  RUNNER_JOB_NOT_IN_PENDING_STATE: 'runner_job_not_in_pending_state',
  RUNNER_JOB_NOT_IN_PROCESSING_STATE: 'runner_job_not_in_processing_state',
  // Ours:
  INVALID_REGISTRATION_TOKEN: 'invalid_runner_registration_token',
  RUNNER_NAME_TAKEN: 'runner_name_taken',
  RUNNER_DISABLED: 'runner_disabled',
  OUTPUT_REFUSED: 'runner_output_refused',
  RUNNER_JOB_NOT_CANCELLABLE: 'runner_job_not_cancellable'
} as const
