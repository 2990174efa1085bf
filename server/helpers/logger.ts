import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import winston from 'winston'
import { CONFIG, isProduction } from '../initializers/config/index.js'
import { fromRoot } from './project-root.js'

const useJson = CONFIG.log.format === 'json' || (CONFIG.log.format === 'auto' && isProduction())

const textFormat = winston.format.printf(({ level, message, timestamp, tags, ...meta }) => {
  const tagText = Array.isArray(tags) && tags.length !== 0 ? ` [${tags.join(', ')}]` : ''
  const rest = Object.keys(meta).length !== 0 ? ' ' + JSON.stringify(meta, errorReplacer) : ''
  return `[${timestamp as string}] ${level}${tagText}: ${message as string}${rest}`
})

function errorReplacer (_key: string, value: unknown) {
  if (value instanceof Error) return { ...value, message: value.message, stack: value.stack }
  return value
}

const logsDir = fromRoot(CONFIG.storage.logs)
mkdirSync(logsDir, { recursive: true })

export const logger = winston.createLogger({
  level: CONFIG.log.level,
  // Each transport formats for itself: JSON lines in production and in the file, readable text on a dev console.
  format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true })),
  transports: [
    new winston.transports.Console({
      format: useJson
        ? winston.format.json({ replacer: errorReplacer })
        : winston.format.combine(winston.format.colorize(), textFormat)
    }),
    // The file always gets JSON lines: it is read by tools (and by the test helpers on failure), not by eyes.
    new winston.transports.File({
      filename: join(logsDir, 'tubeless.log'),
      format: winston.format.json({ replacer: errorReplacer }),
      maxsize: 20 * 1024 * 1024,
      maxFiles: 5
    })
  ]
})

/** A child logger whose lines carry the given tags, e.g. loggerTagsFactory('jobs', 'transcoding'). */
export function loggerWithTags (...tags: string[]) {
  return logger.child({ tags })
}
