// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7 (the project's compiler) no longer
// ships. This workspace has TypeScript 6 for it, but npm hoists some of typescript-eslint's helpers (ts-api-utils)
// next to TypeScript 7 at the root: every `require('typescript')` of the lint process is sent to TypeScript 6.
const Module = require('node:module')
const { join } = require('node:path')

const typescript6 = join(__dirname, 'node_modules', 'typescript', 'lib', 'typescript.js')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === 'typescript') return typescript6
  return resolve.call(this, request, ...rest)
}
