export type RemoteRequestErrorCode =
  | 'invalid-url'
  /** Only http: and https: are fetched. */
  | 'unsupported-protocol'
  /** The host is, or resolves to, a loopback/private/link-local/reserved address. */
  | 'private-address'
  | 'timeout'
  /** The reply is larger than the allowed size (announced or streamed). */
  | 'too-large'
  | 'too-many-redirects'
  | 'bad-content-type'
  /** Non-2xx reply; `status` says which (410 Gone matters for actor deletion). */
  | 'bad-status'
  | 'invalid-json'
  /** DNS failure, refused connection, reset... */
  | 'network'

export class RemoteRequestError extends Error {
  constructor (
    readonly code: RemoteRequestErrorCode,
    message: string,
    readonly details: { url?: string, status?: number, cause?: unknown } = {}
  ) {
    super(message)
    this.name = 'RemoteRequestError'
  }

  get status () {
    return this.details.status
  }
}
