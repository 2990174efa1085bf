import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { extname } from 'node:path'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import multer from 'multer'
import { CONFIG } from '../initializers/config/index.js'
import { HttpProblem } from '../lib/http-problems/http-problem.js'
import { ProblemCode } from '../lib/http-problems/problem-codes.js'
import { uploadsTmpDir } from '../lib/video-paths.js'

export type UploadedFiles = Record<string, Express.Multer.File[] | undefined>

const IMAGE_MAX_BYTES = 4 * 1024 * 1024

/**
 * Multipart video upload: files stream to the temporary folder (memory stays flat whatever the size), limits are
 * enforced while receiving, and whatever is left in the temporary folder when the reply is sent is removed.
 */
export function videoMultipart (): RequestHandler[] {
  const dir = uploadsTmpDir()
  mkdirSync(dir, { recursive: true })

  const parser = multer({
    storage: multer.diskStorage({
      destination: dir,
      filename: (_req, file, cb) => cb(null, `${randomUUID()}${extname(file.originalname).toLowerCase()}`)
    }),
    limits: { fileSize: CONFIG.video.max_file_size, files: 3, fields: 50, fieldSize: 20_000 },
    fileFilter: (_req, file, cb) => {
      if (file.fieldname === 'thumbnailfile' || file.fieldname === 'previewfile') {
        cb(null, /^image\//.test(file.mimetype))
        return
      }
      cb(null, true)
    }
  }).fields([ { name: 'videofile', maxCount: 1 }, { name: 'thumbnailfile', maxCount: 1 }, { name: 'previewfile', maxCount: 1 } ])

  const parse = (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, err => {
      if (!err) return next()
      if (err instanceof multer.MulterError) {
        const field = err.field ?? 'videofile'
        const tooLarge = err.code === 'LIMIT_FILE_SIZE'
        return next(new HttpProblem({
          status: tooLarge ? 413 : 400,
          detail: tooLarge ? `The file is larger than the ${CONFIG.video.max_file_size} bytes allowed` : err.message,
          code: tooLarge ? ProblemCode.MAX_FILE_SIZE_REACHED : undefined,
          invalidParams: { [field]: { type: 'field', value: undefined, msg: err.message, path: field, location: 'files' } }
        }))
      }
      next(err)
    })
  }

  const cleanup = (req: Request, res: Response, next: NextFunction) => {
    res.once('close', () => { void removeUploadedFiles(req) })
    next()
  }

  return [ cleanup, parse, checkImageSizes ]
}

/** Images are small: refuse big ones after the fact (multer has one size limit for every file). */
const checkImageSizes: RequestHandler = (req, _res, next) => {
  const files = (req.files ?? {}) as UploadedFiles
  for (const field of [ 'thumbnailfile', 'previewfile' ]) {
    const file = files[field]?.[0]
    if (file && file.size > IMAGE_MAX_BYTES) {
      return next(new HttpProblem({
        status: 400,
        detail: `Incorrect request parameters: ${field}`,
        invalidParams: { [field]: { type: 'field', value: file.originalname, msg: `Should be an image of at most ${IMAGE_MAX_BYTES} bytes`, path: field, location: 'files' } }
      }))
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
