/**
 * Scrub speed: how fast the integrity scrub reads and checks stored files (the SHA-256 of each copy, as the
 * `storage-scrub` job computes it, without its read-rate limit), beside `sha256sum` on the same files in the same
 * run. Files are written once, then each tool reads them twice (the page cache is warm for both: this measures
 * hashing and reading overhead, not the disk).
 * Run: npm run bench:scrub [-- <total MB, default 256> <files, default 4>]
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { digestCopy } from '../../server/lib/integrity/stored-copies.js'

const execFileAsync = promisify(execFile)
const TOTAL_MB = Number(process.argv[2] ?? 256)
const FILES = Number(process.argv[3] ?? 4)

async function timed (fn: () => Promise<unknown>) {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e9
}

async function main () {
  const dir = await mkdtemp(join(tmpdir(), 'tubeless-bench-scrub-'))
  try {
    const bytesPerFile = Math.floor(TOTAL_MB * 1024 * 1024 / FILES)
    const paths: string[] = []
    for (let i = 0; i < FILES; i++) {
      const path = join(dir, `file-${i}.mp4`)
      await writeFile(path, randomBytes(bytesPerFile))
      paths.push(path)
    }
    const megabytes = bytesPerFile * FILES / 1024 / 1024

    const ours = async () => {
      for (const path of paths) await digestCopy({ type: 'file-system', path })
    }
    const reference = async () => {
      await execFileAsync('sha256sum', paths)
    }
    // One untimed pass each: the same warm page cache for both.
    await ours()
    await reference()
    const results: [ string, number ][] = []
    for (let round = 0; round < 2; round++) {
      results.push([ 'scrub (digestCopy, one file at a time)', await timed(ours) ])
      results.push([ 'sha256sum (same files)', await timed(reference) ])
    }
    console.log(`${FILES} files, ${megabytes.toFixed(0)} MB in total`)
    for (const [ label, seconds ] of results) {
      console.log(`${label.padEnd(40)} ${(megabytes / seconds).toFixed(0).padStart(6)} MB/s  (${seconds.toFixed(2)} s)`)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
