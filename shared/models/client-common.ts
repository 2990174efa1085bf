// Wire shapes shared by every REST resource (PeerTube 6.3 compatible). Types only: no runtime code,
// so both the browser client and the Node server can import this file.

/** A paginated list: `GET ...?start=&count=&sort=` replies with this envelope. */
export interface ResultList<T> {
  total: number
  data: T[]
}

/** `{ id, label }` pairs used for category, licence, language, privacy, state, role... */
export interface IdLabel<I = number> {
  id: I
  label: string
}

/** One entry of `invalid-params` in a validation error. */
export interface InvalidParam {
  type?: string
  value?: unknown
  msg: string
  path?: string
  location?: string
}

/** Body of an `application/problem+json` error reply (RFC 9457 plus PeerTube's extra fields). */
export interface ProblemDocument {
  type?: string
  title?: string
  detail?: string
  instance?: string
  status?: number
  code?: string
  docs?: string
  error?: string
  'invalid-params'?: Record<string, InvalidParam>
}

export interface ActorImage {
  path: string
  fileUrl?: string
  width: number
  height?: number
  createdAt?: string
  updatedAt?: string
}

/** Account or channel as embedded in a video list item. */
export interface ActorSummary {
  id: number
  name: string
  displayName: string
  url: string
  host: string
  avatars: ActorImage[]
}
