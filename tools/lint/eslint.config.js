// The project's lint configuration (the root eslint.config.js re-exports it). Formatting rules describe the style
// the code is written in (no semicolons, 2 spaces, single quotes, a space before a function's parentheses and inside
// array brackets) and are all auto-fixable: `npm run lint:fix`. The layer rules (./rules/layers.js) encode the
// arrows of ARCHITECTURE.md and are errors. Rules need no type information, so a full run takes seconds.
import './typescript-6.cjs'
import stylistic from '@stylistic/eslint-plugin'
import tseslint from 'typescript-eslint'
import layers from './rules/layers.js'

export default [
  {
    ignores: [ '**/node_modules/**', 'dist/**', 'client/dist/**', 'storage/**', 'test-artifacts/**', 'packages/**', 'server/static/**' ]
  },
  {
    files: [ '**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js' ],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2024,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@stylistic': stylistic, '@typescript-eslint': tseslint.plugin },
    rules: {
      ...stylistic.configs.customize({ indent: 2, quotes: 'single', semi: false, jsx: true, braceStyle: '1tbs', commaDangle: 'never', arrowParens: false, blockSpacing: true, quoteProps: 'as-needed' }).rules,
      '@stylistic/space-before-function-paren': [ 'error', 'always' ],
      '@stylistic/array-bracket-spacing': [ 'error', 'always' ],
      '@stylistic/member-delimiter-style': [ 'error', { multiline: { delimiter: 'none' }, singleline: { delimiter: 'comma', requireLast: false } } ],
      '@stylistic/operator-linebreak': [ 'error', 'after', { overrides: { '?': 'before', ':': 'before', '|': 'before', '&': 'before', '|>': 'before' } } ],
      '@stylistic/quotes': [ 'error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' } ],
      '@stylistic/generator-star-spacing': [ 'error', { before: true, after: true } ],
      '@stylistic/no-extra-parens': [ 'error', 'functions' ],
      '@stylistic/indent': [ 'error', 2, {
        SwitchCase: 1,
        VariableDeclarator: 1,
        outerIIFEBody: 1,
        MemberExpression: 1,
        FunctionDeclaration: { parameters: 1, body: 1 },
        FunctionExpression: { parameters: 1, body: 1 },
        CallExpression: { arguments: 1 },
        ArrayExpression: 1,
        ObjectExpression: 1,
        ImportDeclaration: 1,
        flatTernaryExpressions: false,
        offsetTernaryExpressions: false,
        ignoreComments: false
      } ],
      // Not part of the house style: short guards and callbacks on one line are common and read well.
      '@stylistic/arrow-parens': 'off',
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/jsx-one-expression-per-line': 'off',
      '@stylistic/jsx-max-props-per-line': 'off',
      '@stylistic/jsx-first-prop-new-line': 'off',
      '@stylistic/jsx-closing-bracket-location': 'off',
      '@stylistic/jsx-closing-tag-location': 'off',
      '@stylistic/jsx-wrap-multilines': 'off',
      '@stylistic/jsx-indent-props': 'off',
      '@stylistic/multiline-ternary': 'off',

      'no-duplicate-imports': [ 'error', { allowSeparateTypeImports: true } ],
      'no-var': 'error',
      'prefer-const': [ 'error', { destructuring: 'all' } ],
      eqeqeq: [ 'error', 'always', { null: 'ignore' } ],
      '@typescript-eslint/no-unused-vars': [ 'error', { args: 'none', ignoreRestSiblings: true, caughtErrors: 'none' } ]
    }
  },
  {
    // The client's files (and the client types in shared/) were written with semicolons between the members of
    // one-line type literals, and mostly with unspaced array brackets (not enforced there yet).
    files: [ 'client/**', 'shared/**' ],
    rules: {
      '@stylistic/member-delimiter-style': [ 'error', { multiline: { delimiter: 'none' }, singleline: { delimiter: 'semi', requireLast: false } } ],
      '@stylistic/array-bracket-spacing': 'off'
    }
  },
  {
    files: [ 'server/**/*.ts', 'shared/**/*.ts' ],
    plugins: { tubeless: { rules: { layers } } },
    rules: { 'tubeless/layers': 'error' }
  }
]
