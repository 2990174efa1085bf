// One save action of a settings section: busy flag, the humanized problem, and "Saved".
import { useState } from 'preact/hooks'
import { humanizeProblem, type HumanProblem, type ProblemOptions } from '../../errors/problem-sentences.js'

export function useSave (options: ProblemOptions) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      await action()
      setSaved(true)
      return true
    } catch (err) {
      setError(err)
      return false
    } finally {
      setBusy(false)
    }
  }
  const problem: HumanProblem = humanizeProblem(error, options)
  return { busy, saved, problem, run, reset: () => { setError(null); setSaved(false) } }
}
