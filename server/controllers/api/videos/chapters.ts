import { z } from 'zod'
import { listChaptersOfVideo } from '../../../lib/chapters/chapter-list.js'
import { CHAPTER_TITLE_MAX, replaceVideoChapters } from '../../../lib/chapters/video-chapters.js'
import { forbidden, invalidField, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { canUpdateVideo } from '../../../lib/videos/video-access.js'
import { loadVideo, loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { ApiRouter } from '../../shared/api-router.js'

/** A video's chapters (PeerTube's routes): where each starts, and its title. */
export const videoChaptersRouter = new ApiRouter('/api/v1')

const chapter = z.object({
  timecode: z.number({ message: 'Should have a timecode in seconds' }).int('Should have a whole number of seconds').min(0, 'Should have a timecode of at least 0'),
  title: z.string({ message: 'Should have a title' }).trim().min(1, 'Should have a title').max(CHAPTER_TITLE_MAX, `Should have a title of at most ${CHAPTER_TITLE_MAX} characters`)
}).strict()

const chaptersBody = z.object({
  chapters: z.array(chapter, { message: 'Should have an array of chapters' }).max(1000, 'Should have at most 1000 chapters')
    .refine(list => new Set(list.map(c => c.timecode)).size === list.length, 'Should have chapters with distinct timecodes')
})

videoChaptersRouter.get('/videos/:id/chapters', {
  operationId: 'getVideoChapters',
  summary: 'Get the chapters of a video',
  tags: [ 'Video Chapters' ],
  auth: 'optional',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  const chapters = await listChaptersOfVideo(video.id)
  res.json({ chapters: chapters.map(c => ({ timecode: c.timecode, title: c.title })) })
})

videoChaptersRouter.put('/videos/:id/chapters', {
  operationId: 'replaceVideoChapters',
  summary: 'Replace the chapters of a video',
  tags: [ 'Video Chapters' ],
  auth: 'required',
  params: videoIdParams,
  body: chaptersBody,
  responses: { 204: 'Replaced', 400: 'Invalid chapters', 403: 'Not yours', 404: 'No such video' }
}, async ({ params, body, user }, _req, res) => {
  const video = await loadVideo(params.id, 'summary')
  if (!video) throw notFound('Video not found')
  if (!canUpdateVideo(video, user)) throw forbidden('You cannot change the chapters of this video', ProblemCode.NOT_ALLOWED)
  if (body.chapters.some(c => video.duration > 0 && c.timecode > video.duration)) {
    throw invalidField('body', 'chapters', `Should have chapters starting within the video (${video.duration} s)`)
  }
  await replaceVideoChapters(video, body.chapters)
  res.sendStatus(204)
})
