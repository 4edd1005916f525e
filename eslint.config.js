import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'coverage', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain scripts: CI's summary (Node) and the data preloader (browser).
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'd3-dsv',
              importNames: ['csvParse', 'tsvParse', 'csvParseObjects'],
              message: 'Object parsers compile code with new Function (blocked by our CSP); use csvParseRows.',
            },
          ],
        },
      ],
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
);
