// mocha's spec reporter, plus one line per test file at the end: how long the file took (its hooks included,
// where instances start), slowest first, so the files that cost the suite its minutes are easy to find.
// TUBELESS_TEST_TIMINGS_FILE=path also writes them there as JSON ({ file: ms }): run-tests.mjs's workers use them
// to share the next run's files out evenly.
const { writeFileSync } = require('node:fs')
const { relative } = require('node:path')
const Mocha = require('mocha')

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_RUN_END } = Mocha.Runner.constants
const SHOWN = 15

class TimedSpec extends Mocha.reporters.Spec {
  constructor (runner, options) {
    super(runner, options)
    /** file -> { started, ms } of its top-level suites (a file may have several). */
    const files = new Map()
    runner.on(EVENT_SUITE_BEGIN, suite => {
      if (!suite.file || !suite.parent?.root) return
      const entry = files.get(suite.file) ?? { started: 0, ms: 0 }
      entry.started = Date.now()
      files.set(suite.file, entry)
    })
    runner.on(EVENT_SUITE_END, suite => {
      const entry = suite.file && suite.parent?.root ? files.get(suite.file) : undefined
      if (entry) entry.ms += Date.now() - entry.started
    })
    // Before spec's epilogue (its totals and failures stay the last lines).
    runner.prependOnceListener(EVENT_RUN_END, () => {
      const timings = Object.fromEntries([ ...files ].map(([ file, { ms } ]) => [ relative(process.cwd(), file), ms ]))
      if (process.env.TUBELESS_TEST_TIMINGS_FILE) writeFileSync(process.env.TUBELESS_TEST_TIMINGS_FILE, JSON.stringify(timings))
      process.stdout.write(formatTimings(timings, SHOWN))
    })
  }
}

/** The slowest `shown` files, one a line, and the total. */
function formatTimings (timings, shown) {
  const sorted = Object.entries(timings).sort((a, b) => b[1] - a[1])
  const total = sorted.reduce((sum, [ , ms ]) => sum + ms, 0)
  const lines = sorted.slice(0, shown).map(([ file, ms ]) => `    ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`)
  return `\n  Slowest test files (${sorted.length} files, ${(total / 1000).toFixed(0)} s in all):\n${lines.join('\n')}\n`
}

module.exports = TimedSpec
module.exports.formatTimings = formatTimings
