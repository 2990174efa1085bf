import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'

/** A local public video with one 200 MB web video file, added to the benchmark's database (kept between runs). */
export const BENCH_FILE_UUID = '00000000-0000-4000-8000-00000000b18e'
export const BENCH_FILE_SIZE = 200 * 1024 * 1024

export interface BenchVideoFile {
  filename: string
  path: string
  size: number
  infoHash: string
}

export async function ensureBenchVideoFile (connection: pg.ClientConfig, webVideosDir: string, host: string): Promise<BenchVideoFile> {
  const filename = `${BENCH_FILE_UUID}-1080.mp4`
  const path = join(webVideosDir, filename)
  const infoHash = createHash('sha1').update(BENCH_FILE_UUID).digest('hex')
  if (!existsSync(path) || statSync(path).size !== BENCH_FILE_SIZE) {
    mkdirSync(webVideosDir, { recursive: true })
    await writeRandomFile(path, BENCH_FILE_SIZE)
  }

  const client = new pg.Client(connection)
  await client.connect()
  try {
    const existing = await client.query('SELECT id FROM video WHERE uuid = $1', [ BENCH_FILE_UUID ])
    if (existing.rowCount === 0) {
      const channel = await client.query<{ id: number }>('SELECT c.id FROM "videoChannel" c JOIN actor a ON a.id = c."actorId" WHERE a."serverId" IS NULL ORDER BY c.id LIMIT 1')
      const video = await client.query<{ id: number }>(`
        INSERT INTO video (uuid, name, privacy, nsfw, duration, views, likes, dislikes, remote, url, "commentsEnabled", "downloadEnabled",
          "waitTranscoding", state, "channelId", "publishedAt", "createdAt", "updatedAt")
        VALUES ($1, 'Static file benchmark', 1, false, 600, 0, 0, 0, false, $2, true, true, false, 1, $3, now() - interval '10 years', now(), now())
        RETURNING id`, [ BENCH_FILE_UUID, `http://${host}/videos/watch/${BENCH_FILE_UUID}`, channel.rows[0].id ])
      await client.query(`
        INSERT INTO "videoFile" (resolution, width, height, size, extname, fps, filename, "infoHash", "videoId", "createdAt", "updatedAt")
        VALUES (1080, 1920, 1080, $1, '.mp4', 30, $2, $3, $4, now(), now())`, [ BENCH_FILE_SIZE, filename, infoHash, video.rows[0].id ])
    }
  } finally {
    await client.end()
  }
  return { filename, path, size: BENCH_FILE_SIZE, infoHash }
}

async function writeRandomFile (path: string, size: number) {
  const out = createWriteStream(path)
  const chunk = randomBytes(4 * 1024 * 1024)
  for (let written = 0; written < size; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, size - written)))) await new Promise<void>(resolve => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
}
