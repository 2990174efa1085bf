import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Request, type Response } from 'express'
import { fromRoot } from '../helpers/project-root.js'

/**
 * The web client (client/dist): static assets, and index.html for every other GET that is not an API or static
 * file route, so deep links like /videos/watch/:uuid open the single-page app.
 */
export function buildClientRouter () {
  const router = express.Router()
  const dist = fromRoot('client', 'dist')
  const index = join(dist, 'index.html')

  router.use('/client', express.static(dist, { index: false, maxAge: '30d', immutable: true }))
  router.use(express.static(dist, { index: false, maxAge: '1h' }))

  router.get(/^\/(?!api\/|static\/|lazy-static\/|download\/|tracker\/|\.well-known\/).*/, (_req: Request, res: Response) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web client is not built: run `npm run build`.')
      return
    }
    res.set('Cache-Control', 'no-cache').sendFile(index)
  })

  return router
}
