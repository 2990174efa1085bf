/**
 * Named values for one SQL statement, passed to Sequelize as `replacements` (escaped literals, so the planner sees
 * constants: partial indexes and statistics apply). Each piece of a query adds its own values without having to
 * know the other pieces' names.
 */
export class SqlParams {
  private readonly values: Record<string, unknown> = {}
  private next = 0

  /** A placeholder for this value (arrays become a comma-separated list, for `IN (...)`). */
  add (value: unknown) {
    const name = `p${this.next++}`
    this.values[name] = value
    return `:${name}`
  }

  get replacements () {
    return this.values
  }
}
