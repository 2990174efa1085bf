import { extname } from 'node:path'
import type { Request, RequestHandler } from 'express'
import multer from 'multer'
import { ACTOR_IMAGE_UPLOAD } from '../../lib/actor-images/actor-image-sizes.js'
import { HttpProblem, invalidField } from '../../lib/http-problems/http-problem.js'
import { malformedMultipartProblem } from '../multipart-errors.js'

export type ActorImageField = 'avatarfile' | 'bannerfile'

const typeMessage = `Should be an image of type ${ACTOR_IMAGE_UPLOAD.extensions.join(', ')}`

/**
 * Reads the multipart upload of an avatar or banner into memory (at most 4 MB, checked while it streams in) and
 * refuses what cannot be one: too large (413, with the limit in X-File-Maximum-Size), wrong type, missing (400
 * naming the field). The handler then finds the bytes in `req.file.buffer`.
 */
export function actorImageUpload (field: ActorImageField): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ACTOR_IMAGE_UPLOAD.maxBytes, files: 1, fields: 20 },
    fileFilter: (_req, file, accept) => {
      const extension = extname(file.originalname).toLowerCase()
      const allowed = (ACTOR_IMAGE_UPLOAD.mimeTypes as readonly string[]).includes(file.mimetype) ||
        (ACTOR_IMAGE_UPLOAD.extensions as readonly string[]).includes(extension)
      if (!allowed) return accept(invalidField('files', field, typeMessage, file.originalname))
      accept(null, true)
    }
  }).single(field)

  return (req, res, next) => {
    parse(req, res, err => {
      if (err) return next(toProblem(err, field))
      if (!(req as Request).file) return next(invalidField('files', field, `Should have an image file in ${field}`))
      next()
    })
  }
}

function toProblem (err: unknown, field: ActorImageField) {
  if (err instanceof HttpProblem) return err
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') {
      return new HttpProblem({
        status: 413,
        detail: `The image is too large: at most ${ACTOR_IMAGE_UPLOAD.maxBytes / 1024 / 1024} MB`,
        headers: { 'X-File-Maximum-Size': `${ACTOR_IMAGE_UPLOAD.maxBytes / 1024 / 1024}M` }
      })
    }
    return invalidField('files', err.field ?? field, `Should send one image file in ${field} (${err.message})`)
  }
  return malformedMultipartProblem(err, field) ?? err
}
