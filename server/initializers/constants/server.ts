import { readFileSync } from 'node:fs'
import { fromRoot } from '../../helpers/project-root.js'

export const SERVER_VERSION: string = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version
