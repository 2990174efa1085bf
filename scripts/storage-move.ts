/**
 * `npm run storage:move -- --to object-storage|file-system [--video <uuid> | --actor-images]`: moves an instance's
 * video files (and our avatars and banners) to the object storage or back. It records one move job per video whose
 * files are not all in the target, and one for the actor images (in the database's outbox, like any job): the
 * running instance picks them up within seconds, or at its next start. `--video` moves that video only,
 * `--actor-images` the images only.
 * Moves are resumable and idempotent; running this again only records what is still to move.
 */
async function main () {
  const args = process.argv.slice(2)
  const to = valueOf(args, '--to')
  const only = valueOf(args, '--video')
  const imagesOnly = args.includes('--actor-images')
  if (to !== 'object-storage' && to !== 'file-system') {
    process.stderr.write('Usage: npm run storage:move -- --to object-storage|file-system [--video <uuid> | --actor-images]\n')
    process.exit(2)
  }

  const { CONFIG } = await import('../server/initializers/config/index.js')
  if (to === 'object-storage' && !CONFIG.object_storage.enabled) {
    process.stderr.write('object_storage.enabled is false: configure the object storage first (see README, "Object storage")\n')
    process.exit(1)
  }
  const { checkObjectStorage } = await import('../server/lib/object-storage/object-storage-check.js')
  const { initDatabase, closeDatabase } = await import('../server/initializers/database.js')
  const { unitOfWork } = await import('../server/lib/unit-of-work/unit-of-work.js')
  const { recordVideoStorageMove } = await import('../server/lib/object-storage/video-storage-moves.js')
  const { listVideosToMove } = await import('../server/models/video/queries/video-storage-queries.js')
  const { jobQueue } = await import('../server/lib/job-queue/job-queue.js')

  try {
    if (CONFIG.object_storage.enabled) await checkObjectStorage()
    await initDatabase()
    const videos = imagesOnly ? [] : await listVideosToMove(to === 'object-storage' ? 0 : 1, only)
    let recorded = 0
    for (const video of videos) {
      if (await unitOfWork(() => recordVideoStorageMove(video, to))) recorded++
    }
    process.stdout.write(`${recorded} video(s) to move to the ${to} (${videos.length - recorded} already on their way)\n`)
    if (!only) {
      await unitOfWork(() => jobQueue.createJob('move-actor-images', { target: to }, { orderKey: 'move-actor-images', dedupKey: `move-actor-images:to-${to}` }))
      process.stdout.write(`Actor images: recorded a move to the ${to}\n`)
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`)
    process.exitCode = 1
  } finally {
    await closeDatabase()
  }
  process.exit()
}

function valueOf (args: string[], name: string) {
  const index = args.indexOf(name)
  return index === -1 ? undefined : args[index + 1]
}

void main()
