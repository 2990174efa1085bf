import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { extname } from 'node:path'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import multer from 'multer'
import { CONFIG } from '../initializers/config/index.js'
import { HttpProblem, invalidField } from '../lib/http-problems/http-problem.js'
import { ProblemCode } from '../lib/http-problems/problem-codes.js'
import { uploadsTmpDir } from '../lib/video-paths.js'
import { malformedMultipartProblem } from './multipart-errors.js'
import { withSafeExtension } from './validation/videos.js'

export type UploadedFiles = Record<string, Express.Multer.File[] | undefined>

const IMAGE_MAX_BYTES = 4 * 1024 * 1024
const IMAGE_FIELDS = [ 'thumbnailfile', 'previewfile' ]
/** PeerTube's limit for a caption file. */
const CAPTION_MAX_BYTES = 20 * 1024 * 1024

/**
 * Multipart video upload: files stream to the temporary folder (memory stays flat whatever the size), limits are
 * enforced while receiving, and whatever is left in the temporary folder when the reply is sent is removed.
 */
export function videoMultipart (): RequestHandler[] {
  const parser = multer({
    storage: temporaryStorage(),
    limits: { fileSize: CONFIG.video.max_file_size, files: 3, fields: 50, fieldSize: 20_000 },
    fileFilter: refuseNonImages
  }).fields([ { name: 'videofile', maxCount: 1 }, { name: 'thumbnailfile', maxCount: 1 }, { name: 'previewfile', maxCount: 1 } ])

  return [ removeFilesAfterReply, parseWith(parser, () => CONFIG.video.max_file_size, 'videofile'), checkImageSizes ]
}

/**
 * Multipart video update: only the thumbnail and preview images, each refused as soon as it is not an image or
 * grows past the image size limit. A video file is refused, not stored.
 */
export function videoImagesMultipart (): RequestHandler[] {
  const parser = multer({
    storage: temporaryStorage(),
    limits: { fileSize: IMAGE_MAX_BYTES, files: IMAGE_FIELDS.length, fields: 50, fieldSize: 20_000 },
    fileFilter: refuseNonImages
  }).fields(IMAGE_FIELDS.map(name => ({ name, maxCount: 1 })))

  return [ removeFilesAfterReply, parseWith(parser, () => IMAGE_MAX_BYTES, 'thumbnailfile') ]
}

/** Multipart caption upload: one `captionfile` (its content is checked when it is converted to WebVTT). */
export function captionMultipart (): RequestHandler[] {
  const parser = multer({
    storage: temporaryStorage(),
    limits: { fileSize: CAPTION_MAX_BYTES, files: 1, fields: 10, fieldSize: 1000 }
  }).fields([ { name: 'captionfile', maxCount: 1 } ])

  return [ removeFilesAfterReply, parseWith(parser, () => CAPTION_MAX_BYTES, 'captionfile') ]
}

function temporaryStorage () {
  const dir = uploadsTmpDir()
  mkdirSync(dir, { recursive: true })
  return multer.diskStorage({
    destination: dir,
    filename: (_req, file, cb) => cb(null, `${randomUUID()}${extname(withSafeExtension(file.originalname)).toLowerCase()}`)
  })
}

/** Thumbnails and previews must be declared as images (their content is checked when they are decoded). */
function refuseNonImages (_req: Request, file: Express.Multer.File, cb: multer.FileFilterCallback) {
  if (IMAGE_FIELDS.includes(file.fieldname) && !/^image\//.test(file.mimetype)) {
    cb(invalidField('files', file.fieldname, 'Should be an image (JPEG, PNG, WebP...)', file.originalname))
    return
  }
  cb(null, true)
}

function parseWith (parser: RequestHandler, maxBytes: () => number, mainField: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, err => {
      if (!err) return next()
      if (!(err instanceof multer.MulterError)) return next(malformedMultipartProblem(err, mainField) ?? err)

      const field = err.field ?? mainField
      if (err.code === 'LIMIT_FILE_SIZE') {
        const msg = `Should be at most ${maxBytes()} bytes`
        return next(new HttpProblem({
          status: 413,
          detail: `The file is larger than the ${maxBytes()} bytes allowed`,
          code: ProblemCode.MAX_FILE_SIZE_REACHED,
          invalidParams: { [field]: { type: 'field', value: undefined, msg, path: field, location: 'files' } }
        }))
      }
      const msg = err.code === 'LIMIT_UNEXPECTED_FILE' ? 'Should not be sent to this endpoint' : err.message
      next(invalidField('files', field, msg))
    })
  }
}

function removeFilesAfterReply (req: Request, res: Response, next: NextFunction) {
  res.once('close', () => { void removeUploadedFiles(req) })
  next()
}

/** Images are small: refuse big ones after the fact (multer has one size limit for every file). */
const checkImageSizes: RequestHandler = (req, _res, next) => {
  const files = (req.files ?? {}) as UploadedFiles
  for (const field of IMAGE_FIELDS) {
    const file = files[field]?.[0]
    if (file && file.size > IMAGE_MAX_BYTES) {
      return next(invalidField('files', field, `Should be an image of at most ${IMAGE_MAX_BYTES} bytes`, file.originalname))
    }
  }
  next()
}

async function removeUploadedFiles (req: Request) {
  const files = Object.values((req.files ?? {}) as UploadedFiles).flat().filter(Boolean) as Express.Multer.File[]
  // A file the handler moved is already gone; rm with force makes that a no-op.
  await Promise.all(files.map(file => rm(file.path, { force: true })))
}

export function uploadedFile (req: Request, field: string) {
  return ((req.files ?? {}) as UploadedFiles)[field]?.[0]
}

/** Video import: an optional `torrentfile` (small) with the same pictures as an upload. JSON bodies pass through. */
export function videoImportMultipart (torrentMaxBytes: number): RequestHandler[] {
  const parser = multer({
    storage: temporaryStorage(),
    limits: { fileSize: IMAGE_MAX_BYTES, files: 3, fields: 50, fieldSize: 20_000 },
    fileFilter: refuseNonImages
  }).fields([ { name: 'torrentfile', maxCount: 1 }, ...IMAGE_FIELDS.map(name => ({ name, maxCount: 1 })) ])

  const checkTorrentSize: RequestHandler = (req, _res, next) => {
    const file = uploadedFile(req, 'torrentfile')
    if (file && file.size > torrentMaxBytes) return next(invalidField('files', 'torrentfile', `Should be a .torrent file of at most ${torrentMaxBytes} bytes`, file.originalname))
    next()
  }
  return [ removeFilesAfterReply, parseWith(parser, () => IMAGE_MAX_BYTES, 'torrentfile'), checkImageSizes, checkTorrentSize ]
}
