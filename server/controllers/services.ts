import { z } from 'zod'
import { buildPlaylistOEmbed, buildVideoOEmbed, loadOEmbedTarget } from '../lib/link-previews/oembed.js'
import { buildSitemap } from '../lib/link-previews/sitemap.js'
import { setPublicCacheControl } from '../helpers/http/public-cache-control.js'
import { ApiRouter } from './shared/api-router.js'

/** OEmbed (/services/oembed) and the sitemap (/sitemap.xml): how other sites embed and index our videos. */
export const servicesRouter = new ApiRouter('')

const dimension = (name: string) => z.coerce.number({ message: `Should have a valid ${name}` }).int(`Should have a valid ${name}`).min(1).max(10_000).optional()

servicesRouter.get('/services/oembed', {
  operationId: 'getOEmbed',
  summary: 'OEmbed of a video or playlist page of this instance (an iframe of its embed page)',
  tags: [ 'Video' ],
  auth: 'none',
  query: z.object({
    url: z.string({ message: 'Should have a url' }).min(1, 'Should have a url').max(2000),
    maxwidth: dimension('maxwidth'),
    maxheight: dimension('maxheight'),
    format: z.enum([ 'json', 'xml' ], { message: 'Should have a format among json, xml' }).optional()
  }),
  responses: { 200: 'OEmbed JSON', 400: 'Not a video page of this instance', 404: 'No such video, or not public', 501: 'XML asked' }
}, async ({ query }, _req, res) => {
  const target = await loadOEmbedTarget(query.url)
  res.json('video' in target ? buildVideoOEmbed(target.video, query) : buildPlaylistOEmbed(target.playlist, query))
})

servicesRouter.get('/sitemap.xml', {
  operationId: 'getSitemap',
  summary: 'Sitemap of the local channels, accounts and public videos',
  tags: [ 'Video' ],
  auth: 'none'
}, async (_ctx, _req, res) => {
  setPublicCacheControl(res, 3600)
  res.type('application/xml; charset=utf-8').send(await buildSitemap())
})
