/**
 * Named places where the fault suite (server/tests/faults) kills the instance, to prove that every crash point
 * of an operation is recovered from. Armed only in test instances, by TUBELESS_FAULT_POINT=<name>[:<n>] (die at
 * the n-th time the point is reached, the first by default); a no-op otherwise.
 */

const armed = parse(process.env.NODE_ENV === 'test' ? process.env.TUBELESS_FAULT_POINT : undefined)
const hits = new Map<string, number>()

export function faultPoint (name: string) {
  if (!armed || armed.name !== name) return
  const count = (hits.get(name) ?? 0) + 1
  hits.set(name, count)
  if (count < armed.at) return
  process.stdout.write(`tubeless: fault point ${name} reached: killing the process\n`)
  process.kill(process.pid, 'SIGKILL')
}

function parse (value: string | undefined) {
  if (!value) return undefined
  const [ name, at ] = value.split(':')
  return { name, at: Math.max(1, parseInt(at ?? '1', 10) || 1) }
}
