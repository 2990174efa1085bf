import { posix } from 'node:path'
import type { NextFunction, Request, Response } from 'express'
import { notFound } from '../lib/http-problems/http-problem.js'

// The file routes decide who may read a file from its path, then `send` opens it after decoding and normalizing
// that path itself. Both must see the same path, so only canonical spellings are accepted: decoded once, no
// `.`/`..`/empty segments, no encoded or backslash separators, no control characters. Anything else is a 404.

const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/
const ENCODED_SEPARATOR = /%(2f|5c)/i

/** The decoded, canonical form of a URL path, or undefined when it has another spelling. */
export function canonicalStaticPath (rawPath: string): string | undefined {
  if (ENCODED_SEPARATOR.test(rawPath)) return undefined

  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return undefined
  }

  if (CONTROL_OR_BACKSLASH.test(decoded)) return undefined
  if (posix.normalize(decoded) !== decoded) return undefined
  return decoded
}

/** The path below the route's mount point, as validated by safeStaticPath. */
export function staticPath (req: Request): string {
  const path = canonicalStaticPath(req.path)
  if (path === undefined) throw notFound('File not found')
  return path
}

/** Refuses any request whose path is not canonical, before any access check or file lookup runs. */
export function safeStaticPath (req: Request, _res: Response, next: NextFunction) {
  staticPath(req)
  next()
}

/** Whether a canonical path lies in the private/ folder of the folder it is relative to. */
export function isUnderPrivateFolder (path: string) {
  // Case-insensitive: on a case-insensitive file system PRIVATE/ is the same folder.
  return /^\/private(\/|$)/i.test(path)
}
