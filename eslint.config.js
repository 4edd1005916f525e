import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** d3-dsv's object parsers compile code at run time. */
const D3_DSV = {
  name: 'd3-dsv',
  importNames: ['csvParse', 'tsvParse', 'csvParseObjects'],
  message: 'Object parsers compile code with new Function (blocked by our CSP); use csvParseRows.',
};

/**
 * The layers (README "Code layout"): an import only points down
 * core < data < extract < model < charts < ui < views < app. Each folder lists the folders above
 * it (a relative import naming one of them is an error) and whether it may use React.
 */
const ABOVE = {
  core: ['data', 'extract', 'model', 'charts', 'ui', 'views', 'app', 'prerender'],
  data: ['extract', 'model', 'charts', 'ui', 'views', 'app', 'prerender'],
  extract: ['model', 'charts', 'ui', 'views', 'app', 'prerender'],
  model: ['charts', 'ui', 'views', 'app', 'prerender'],
  charts: ['ui', 'views', 'app', 'prerender'],
  ui: ['views', 'app', 'prerender'],
  views: ['app', 'prerender'],
};
const REACT = ['react', 'react-dom', 'react-dom/*', 'react/*', 'echarts-for-react', 'echarts-for-react/*', '@tanstack/react-*'];

function layer(folder, { react = true, more = [] } = {}) {
  const up = ABOVE[folder];
  const patterns = [
    { regex: `^(\\.\\./)+(${up.join('|')})(/|$)`, message: `src/${folder} may not import ${up.join(', ')}: imports point down the layers (README, Code layout).` },
    ...more,
  ];
  if (!react) patterns.push({ group: REACT, message: `src/${folder} is plain TypeScript: no React (README, Code layout).` });
  return { paths: [D3_DSV], patterns };
}

const restrict = (files, options) => ({ files, rules: { 'no-restricted-imports': ['error', options] } });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'coverage', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain scripts: CI's summary (Node) and the data preloader (browser).
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // The scripts of the first paint run before the app, on every page: no string becomes HTML there either.
  {
    files: ['public/**/*.js'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/], CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment|parseFromString)$/]",
          message: 'No string becomes HTML in the first-paint scripts.',
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The Content Security Policy has no 'unsafe-eval': nothing may compile code at run time.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': ['error', { paths: [D3_DSV] }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'CSV text is shown as text, never as HTML.' },
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='parse'][callee.object.type='CallExpression'][callee.object.callee.name='dsvFormat']",
          message: 'dsvFormat(...).parse compiles code with new Function (blocked by our CSP); use .parseRows.',
        },
        {
          selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/], CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document'], CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'CSV text is shown as text, never as HTML.',
        },
      ],
    },
  },
  // Layers, folder by folder (each entry replaces the rule's options for its files, so each keeps D3_DSV).
  restrict(['src/core/**/*.{ts,tsx}'], layer('core', { react: false })),
  restrict(['src/data/**/*.{ts,tsx}'], layer('data', { react: false })),
  restrict(['src/extract/**/*.{ts,tsx}'], layer('extract', { react: false })),
  restrict(['src/model/**/*.{ts,tsx}'], layer('model', { react: false })),
  // Option builders are pure; only the component that mounts ECharts (a .tsx) uses React.
  restrict(['src/charts/**/*.ts'], layer('charts', { react: false })),
  restrict(['src/charts/**/*.tsx'], layer('charts')),
  restrict(['src/ui/**/*.{ts,tsx}'], layer('ui')),
  restrict(['src/views/*.{ts,tsx}'], layer('views')),
  restrict(
    ['src/views/*/*.{ts,tsx}'],
    layer('views', {
      // From src/views/<view>/, `../<other view>/…` is a sibling view; `../types` is the views' shared contract.
      more: [{ regex: '^\\.\\./(?!types$)[^./]', message: 'A view may not import another view: move the shared piece to src/ui (or src/model when it is pure).' }],
    }),
  ),
  restrict(
    ['src/views/*/*/**/*.{ts,tsx}'],
    layer('views', {
      // From src/views/<view>/<part>/, `../../<other view>/…` is a sibling view; `../types` is the views' shared contract.
      more: [{ regex: '^\\.\\./\\.\\./(?!types$)[^./]', message: 'A view may not import another view: move the shared piece to src/ui (or src/model when it is pure).' }],
    }),
  ),
  restrict(['scripts/**/*.{ts,tsx}'], {
    paths: [D3_DSV],
    patterns: [{ regex: '(^|/)tests/', message: 'scripts/ may use src/* and scripts/lib, never tests/.' }],
  }),
);
