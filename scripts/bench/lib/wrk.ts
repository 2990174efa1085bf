import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/**
 * Random byte ranges of one file with wrk (autocannon tops out well below what the servers can send here).
 * Returns MB/s (10^6 bytes) and requests/s.
 */
export async function randomRanges (url: string, options: { fileSize: number, rangeSize: number, connections: number, seconds: number, scriptDir: string }) {
  const script = join(options.scriptDir, 'random-ranges.lua')
  writeFileSync(script, `
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local first = math.random(0, ${options.fileSize - options.rangeSize})
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + ${options.rangeSize - 1}) })
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d\\n", summary.bytes, summary.requests, summary.duration, summary.errors.status + summary.errors.read + summary.errors.connect))
end
`)
  const { stdout } = await execFileAsync('wrk', [ '-t', '2', '-c', String(options.connections), '-d', `${options.seconds}s`, '-s', script, url ], { maxBuffer: 1 << 20 })
  const match = /RESULT (\d+) (\d+) (\d+) (\d+)/.exec(stdout)
  if (!match) throw new Error(`wrk printed no result:\n${stdout}`)
  const [ bytes, requests, micros, errors ] = match.slice(1).map(Number)
  return { mbPerSecond: bytes / 1e6 / (micros / 1e6), requestsPerSecond: requests / (micros / 1e6), errors }
}
