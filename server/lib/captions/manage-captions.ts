import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { NotASubtitleFileError, subtitlesToWebVtt } from '../../helpers/captions/subtitles-to-webvtt.js'
import { VideoCaptionModel } from '../../models/video/video-caption.js'
import type { VideoModel } from '../../models/video/video.js'
import { invalidField, notFound } from '../http-problems/http-problem.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { withVideoLock } from '../videos/video-lock.js'
import { captionFilePath, captionsDir, newCaptionFilename } from './caption-files.js'

/**
 * Adds or replaces a local video's caption in one language: the upload is converted to WebVTT (a file that is no
 * subtitle is a 400 naming `captionfile`), written under a new name, and the row, the old file's removal and the
 * federation Update commit together. A rollback leaves the old caption as it was.
 */
export async function replaceCaption (video: VideoModel, language: string, uploadedPath: string) {
  let vtt: string
  try {
    vtt = subtitlesToWebVtt(await readFile(uploadedPath))
  } catch (err) {
    if (err instanceof NotASubtitleFileError) throw invalidField('files', 'captionfile', `Should be a WebVTT or SubRip subtitle file: ${err.message}`)
    throw err
  }

  const filename = newCaptionFilename(language)
  await mkdir(captionsDir(), { recursive: true })
  await writeFile(captionFilePath(filename), vtt)

  try {
    await withVideoLock(video.id, async () => {
      const previous = await VideoCaptionModel.loadByVideoAndLanguage(video.id, language)
      if (previous) {
        await removeFilesAfterCommit({ paths: [ captionFilePath(previous.filename) ] })
        await previous.update({ filename, fileUrl: null, onDisk: true })
        // A replacement is an update of the row: its updatedAt tells clients the caption changed.
        previous.changed('updatedAt', true)
        await previous.save()
      } else {
        await VideoCaptionModel.create({ videoId: video.id, language, filename, fileUrl: null })
      }
      await recordVideoChanged(video)
    })
  } catch (err) {
    await rm(captionFilePath(filename), { force: true })
    throw err
  }
}

export async function deleteCaption (video: VideoModel, language: string) {
  await withVideoLock(video.id, async () => {
    const caption = await VideoCaptionModel.loadByVideoAndLanguage(video.id, language)
    if (!caption) throw notFound(`This video has no caption in ${language}`)
    await caption.destroy()
    await removeFilesAfterCommit({ paths: [ captionFilePath(caption.filename) ] })
    await recordVideoChanged(video)
  })
}
