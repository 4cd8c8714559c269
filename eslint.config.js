// @ts-check
// Lint, and the import boundaries of ../shared/DESIGN.md ("what may import what"), enforced on every `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];

/** An import restriction: `regex` is matched against the import specifier. */
const forbid = (regex, message) => ({ regex, message });

const noPdfLib = forbid('^(pdf-lib|@pdf-lib/.*)$', 'pdf-lib is imported only by src/render/pdf (DESIGN.md: the only folder that imports pdf-lib).');
const noPreact = forbid('^preact($|/)', 'preact belongs to src/app and src/render/preview only.');
const noNode = forbid(`^(node:.*|${NODE_BUILTINS.join('|')})$`, 'Node built-ins are for src/cli (and build tools); the code here must run in the browser.');
const noApp = forbid('(^|/)app(/|$)', 'Nothing imports the app: it sits at the top.');
const noCli = forbid('(^|/)cli(/|$)', 'Nothing imports the CLI: it sits at the top.');

/** @param {ReturnType<typeof forbid>[]} patterns */
const restrictImports = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'coverage/', 'test-results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.js'],
    languageOptions: { globals: { Buffer: 'readonly', console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/core/**'],
    rules: {
      ...restrictImports([
        noPdfLib,
        noPreact,
        noNode,
        forbid('^(workbox-.*|@pdf-lib/fontkit|fontkit|dejavu-fonts-ttf.*)$', 'src/core is pure: it imports zod and src/core only.'),
        forbid('^\\.\\./(\\.\\./)*(fonts|render|app|cli)(/|$)|(^|/)(fonts|render|app|cli)/', 'src/core is pure: it imports zod and src/core only (the measurer is passed in).'),
      ]),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'self', 'fetch', 'XMLHttpRequest', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'src/core is pure: no DOM, no Node, no network. Pass what you need in as a parameter.',
        })),
      ],
    },
  },
  {
    files: ['src/fonts/**'],
    rules: restrictImports([noPdfLib, noPreact, noApp, noCli, forbid('(^|/)render/', 'src/fonts is below render: render imports fonts, not the other way.')]),
  },
  {
    files: ['src/render/pdf/**'],
    rules: restrictImports([noPreact, noApp, noCli, noNode, forbid('(^|/)preview(/|$)', 'The PDF renderer and the preview only share src/core.')]),
  },
  {
    files: ['src/render/preview/**'],
    rules: restrictImports([noPdfLib, noApp, noCli, noNode, forbid('(^|/)pdf(/|$)', 'The preview never measures or imports the PDF renderer: it draws the CardLayout it is given.')]),
  },
  {
    files: ['src/cli/**'],
    rules: restrictImports([noPreact, noApp, noPdfLib, forbid('(^|/)render/preview(/|$)', 'The CLI is core + fonts + render/pdf; it never imports the preview or the app.')]),
  },
  {
    files: ['src/app/**'],
    rules: restrictImports([noNode, noCli, noPdfLib]),
  },
);
