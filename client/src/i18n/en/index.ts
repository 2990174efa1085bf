// The English catalog: the source of every key (MessageKey). Each area has its file; a new area adds its file
// here and in ../fr/index.ts. Keys start with the area's name so they never collide.
import { about } from './about.js'
import { account } from './account.js'
import { admin } from './admin.js'
import { comments } from './comments.js'
import { common } from './common.js'
import { errors } from './errors.js'
import { layout } from './layout.js'
import { library } from './library.js'
import { live } from './live.js'
import { moderation } from './moderation.js'
import { publish } from './publish.js'
import { recovery } from './recovery.js'
import { runners } from './runners.js'
import { storage } from './storage.js'
import { signup } from './signup.js'
import { videos } from './videos.js'
import { watch } from './watch.js'
import { imports } from './imports.js'

export const en = {
  ...common,
  ...layout,
  ...errors,
  ...videos,
  ...watch,
  ...publish,
  ...account,
  ...signup,
  ...about,
  ...admin,
  ...comments,
  ...moderation,
  ...library,
  ...recovery,
  ...live,
  ...runners,
  ...imports,
  ...storage
}

export type MessageKey = keyof typeof en
export type Catalog = Record<MessageKey, string>
/** A translation of one area's file: every key of the English one, and no other. */
export type Translation<T> = Record<keyof T, string>
