// The French catalog, loaded only when French is shown. Each file is typed against its English one, so a key
// missing here fails the type check (`npm run typecheck`).
import type { Catalog } from '../en/index.js'
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

export const fr: Catalog = {
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
