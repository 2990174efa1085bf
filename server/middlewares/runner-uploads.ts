import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { extname } from 'node:path'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { malformedMultipartProblem } from './multipart-errors.js'
import multer from 'multer'
import { CONFIG } from '../initializers/config/index.js'
import { HttpProblem } from '../lib/http-problems/http-problem.js'
import { uploadsTmpDir } from '../lib/video-paths.js'

export type RunnerFiles = Record<string, Express.Multer.File[] | undefined>

/** Result files of a success (PeerTube's multipart field names). */
export const SUCCESS_FILE_FIELDS = [ 'payload[videoFile]', 'payload[resolutionPlaylistFile]' ] as const
/** A live chunk and the playlists that name it. */
export const UPDATE_FILE_FIELDS = [ 'payload[videoChunkFile]', 'payload[resolutionPlaylistFile]', 'payload[masterPlaylistFile]' ] as const

/**
 * Multipart bodies of runners: files stream to the temporary folder within the instance's upload size limit, and
 * whatever is still there once the reply is sent (a refused or unused file) is removed.
 */
export function runnerMultipart (fields: readonly string[]): RequestHandler[] {
  const dir = uploadsTmpDir()
  mkdirSync(dir, { recursive: true })
  const maxBytes = CONFIG.video.max_file_size > 0 ? CONFIG.video.max_file_size : Infinity
  const parser = multer({
    storage: multer.diskStorage({
      destination: dir,
      filename: (_req, file, cb) => cb(null, `runner-${randomUUID()}${extname(file.originalname).toLowerCase().replace(/[^.a-z0-9]/g, '')}`)
    }),
    limits: { fileSize: maxBytes, files: fields.length, fields: 20, fieldSize: 10_000 }
  }).fields(fields.map(name => ({ name, maxCount: 1 })))

  const parse: RequestHandler = (req, res, next) => {
    parser(req, res, err => {
      if (!err) return next()
      if (err instanceof multer.MulterError) {
        const field = err.field ?? 'files'
        const status = err.code === 'LIMIT_FILE_SIZE' ? 413 : 400
        return next(new HttpProblem({
          status,
          detail: `${field}: ${err.message}`,
          invalidParams: { [field]: { type: 'field', value: undefined, msg: err.message, path: field, location: 'files' } }
        }))
      }
      // A body busboy cannot read (truncated, no boundary, oversized part headers) is the runner's fault.
      next(malformedMultipartProblem(err, fields[0] ?? 'files') ?? err)
    })
  }
  return [ removeLeftoversAfterReply, parse ]
}

function removeLeftoversAfterReply (req: Request, res: Response, next: NextFunction) {
  res.on('close', () => {
    const files = Object.values((req.files ?? {}) as RunnerFiles).flat().filter((f): f is Express.Multer.File => !!f)
    for (const file of files) void rm(file.path, { force: true })
  })
  next()
}

export function runnerFile (req: Request, field: string) {
  const file = ((req.files ?? {}) as RunnerFiles)[field]?.[0]
  return file ? { field, path: file.path, originalname: file.originalname, size: file.size } : undefined
}
