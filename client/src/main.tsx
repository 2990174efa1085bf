// Entry point: start the router, load /config and the signed-in user, then render.
import { render } from 'preact'
import { App } from './app.js'
import { loadConfig, refreshUser } from './lib/session.js'
import { installRouter } from './router.js'
import './styles.css'

installRouter()
void loadConfig().then(config => {
  if (config.instance?.name) document.title = config.instance.name
})
void refreshUser()

render(<App />, document.getElementById('app') as HTMLElement)
