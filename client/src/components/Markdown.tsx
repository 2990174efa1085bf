// Renders Markdown once the (lazily loaded) renderer is there: markdown-it + DOMPurify weigh more than
// the rest of the first page, and descriptions can appear a moment after the player.
import { useEffect, useState } from 'preact/hooks'

type Renderer = (source: string | null | undefined, subset?: 'document' | 'comment') => string
let renderer: Renderer | null = null
let loading: Promise<Renderer> | null = null

function loadRenderer (): Promise<Renderer> {
  loading ??= import('../lib/markdown.js').then(module => (renderer = module.renderMarkdown))
  return loading
}

export function Markdown ({ source, class: className = 'description', testId, subset }: {
  source: string | null | undefined
  class?: string
  testId?: string
  /** 'comment': the smaller set of elements comments may use. */
  subset?: 'document' | 'comment'
}) {
  const [render, setRender] = useState<Renderer | null>(() => renderer)
  useEffect(() => {
    if (!render && source) void loadRenderer().then(r => setRender(() => r))
  }, [source])
  // Until the renderer arrives, show nothing rather than unsanitized text.
  const html = render ? render(source, subset) : ''
  return <div class={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
}
