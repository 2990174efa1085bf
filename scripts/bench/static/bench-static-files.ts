import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { LoopbackNginx, shippedServerBlock } from '../../local-cluster/loopback-nginx.js'
import { median } from '../lib/timing.js'
import { randomRanges } from '../lib/wrk.js'
import type { BenchVideoFile } from './bench-video-file.js'

export interface StaticFilesFigures {
  tubeless: number
  nginxReference: number
  behindShippedNginx: number
}

/**
 * Random 1 MiB ranges of the 200 MB file, 16 connections (wrk): Tubeless itself, a plain nginx serving the folder
 * with sendfile (the reference), and Tubeless behind the shipped nginx configuration (support/nginx/).
 */
export async function benchStaticFiles (options: {
  instanceUrl: string
  instancePort: number
  file: BenchVideoFile
  folders: { webVideos: string, hls: string }
  workDir: string
  nginxPorts: [ number, number ]
  seconds?: number
  rounds?: number
  log: (line: string) => void
}): Promise<StaticFilesFigures> {
  const path = `/static/web-videos/${options.file.filename}`
  const wrkOptions = { fileSize: options.file.size, rangeSize: 1024 * 1024, connections: 16, seconds: options.seconds ?? 10, scriptDir: options.workDir }
  rmSync(join(options.workDir, 'nginx-reference'), { recursive: true, force: true })
  rmSync(join(options.workDir, 'nginx-shipped'), { recursive: true, force: true })
  mkdirSync(options.workDir, { recursive: true })

  const reference = new LoopbackNginx(join(options.workDir, 'nginx-reference'), options.nginxPorts[0])
  const shipped = new LoopbackNginx(join(options.workDir, 'nginx-shipped'), options.nginxPorts[1])
  try {
    await reference.start({ server: `    sendfile on;\n    tcp_nopush on;\n    location /static/web-videos/ { alias ${options.folders.webVideos}/; }` })
    await shipped.start({ server: shippedServerBlock(options.folders), upstreamPort: options.instancePort })

    // Warm the page cache and each server once; then rounds that interleave the three (the machine's load moves:
    // each figure is the median of its rounds, measured beside the others).
    for (const url of [ reference.url, options.instanceUrl, shipped.url ]) await randomRanges(url + path, { ...wrkOptions, seconds: 1 })
    const rounds = { tubeless: [] as number[], reference: [] as number[], shipped: [] as number[] }
    for (let round = 0; round < (options.rounds ?? 3); round++) {
      options.log(`static files: round ${round + 1}`)
      for (const [ what, url ] of [ [ 'tubeless', options.instanceUrl ], [ 'reference', reference.url ], [ 'shipped', shipped.url ] ] as const) {
        const result = await randomRanges(url + path, wrkOptions)
        if (result.errors !== 0) throw new Error(`static files (${what}): ${result.errors} errors`)
        rounds[what].push(result.mbPerSecond)
      }
    }
    const tubeless = { mbPerSecond: median(rounds.tubeless) }
    const nginxReference = { mbPerSecond: median(rounds.reference) }
    const behindShippedNginx = { mbPerSecond: median(rounds.shipped) }
    return { tubeless: tubeless.mbPerSecond, nginxReference: nginxReference.mbPerSecond, behindShippedNginx: behindShippedNginx.mbPerSecond }
  } finally {
    await reference.stop()
    await shipped.stop()
  }
}
