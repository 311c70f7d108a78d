// Lint: typescript-eslint's recommended rules, and import rules that keep the layers honest (as graphql-js does, with eslint-plugin-import):
// no import cycles, and zones that say which layer may import which (see CONTRIBUTING.md, "Layout").
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

/** A zone: files in `target` may not import from `from`. */
const zone = (target, from, message) => ({ target, from, message });

/** Every layer of src/ (one folder each). */
const LAYERS = [
  './src/model',
  './src/errors',
  './src/config',
  './src/db',
  './src/launcher',
  './src/graphql',
  './src/seed',
  './src/http',
  './src/app',
  './src/cli',
  './src/export',
  './src/ingest',
  './src/workbench',
];

/** Every layer but those named: what a layer that may import only those must not. */
const allBut = (...allowed) => LAYERS.filter((layer) => !allowed.includes(layer));

/** The server's code, none of which the workbench's builder, pages or shared queries may import. */
const SERVER_CODE = [...allBut('./src/workbench'), './src/main.ts'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'reports/',
      '.neo4j/',
      'coverage/',
      'dist/',
      '.scratch/',
      'release/',
      '.web-dist/',
      'tests/helpers/summary-reporter.js',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { import: importPlugin },
    settings: {
      // The plugin parses each imported file to follow cycles; TypeScript files need typescript-eslint's parser for that.
      'import/extensions': ['.ts', '.js', '.mjs'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'import/no-cycle': 'error',
      'import/no-self-import': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/model',
              [...allBut('./src/model'), './src/project-root.ts', './src/main.ts'],
              'The model is the allow-list everything derives from; it imports nothing else of the project.',
            ),
            zone('./src/errors', allBut('./src/errors'), 'The error base imports nothing else of the project.'),
            zone('./src/config', allBut('./src/config', './src/errors'), 'Configuration depends only on the error base.'),
            zone(
              './src/db',
              ['./src/graphql', './src/seed', './src/http', './src/app', './src/cli', './src/export', './src/launcher'],
              'The database layer is what the running code talks to Neo4j with; it knows no API, seed, HTTP, start-up or launcher code.',
            ),
            zone(
              './src/launcher',
              ['./src/graphql', './src/seed', './src/http', './src/app', './src/cli', './src/export', './src/ingest', './src/workbench'],
              'The launcher provides a Neo4j (local jars, Docker or NEO4J_URI); it knows no API, seed, HTTP or start-up code.',
            ),
            zone('./src/graphql', './src/seed', 'The API reads the graph, never the seed format: what a document stores belongs to the model.'),
            zone(
              './src/graphql',
              ['./src/http', './src/app', './src/cli', './src/launcher'],
              'The GraphQL layer knows nothing of HTTP, start-up, the CLI or the launcher.',
            ),
            zone(
              './src/seed',
              ['./src/graphql', './src/http', './src/app', './src/cli', './src/launcher'],
              'The seed layer knows nothing of the API, start-up or the CLI.',
            ),
            zone('./src/http', ['./src/seed', './src/app', './src/cli'], 'The HTTP layer serves the API; it neither loads seeds nor starts the app.'),
            zone('./src/app', './src/cli', 'Start-up is used by the CLI, not the other way round.'),
            zone('./src/workbench/build.ts', SERVER_CODE, 'The workbench builder bundles src/workbench/app; it knows nothing of the API it is served by.'),
            zone(
              './src/workbench/app',
              [...SERVER_CODE, './src/project-root.ts', './src/workbench/build.ts'],
              'The workbench runs in the browser: it reaches the API over HTTP only, and shares nothing with the server but src/workbench/page-queries.ts.',
            ),
            zone(
              './src/workbench/page-queries.ts',
              [...SERVER_CODE, './src/project-root.ts', './src/workbench/build.ts', './src/workbench/app'],
              "The pages' opening queries are shared by the browser and the server, so they import nothing of either.",
            ),
            zone(
              './src/http',
              ['./src/workbench/app', './src/workbench/build.ts', './src/launcher'],
              'The HTTP layer serves a built workbench and shares only its opening queries (src/workbench/page-queries.ts); it starts no Neo4j.',
            ),
            zone(
              './src/ingest',
              ['./src/db', './src/launcher', './src/graphql', './src/http', './src/app', './src/cli', './src/export', './src/workbench'],
              'The ingester turns files into drafts in the seed format; it needs neither the database nor the API.',
            ),
            zone(
              './src/ingest/extractors',
              './src/ingest/pipeline',
              'Extractors read a document and propose candidates; the pipeline runs them, never the other way round.',
            ),
            zone(
              './src/ingest/nlp',
              ['./src/ingest/extractors', './src/ingest/pipeline', './src/ingest/source'],
              'The NLP service wraps the language library for the ingester; it knows nothing of what uses it.',
            ),
            zone(
              './src/ingest/source',
              ['./src/ingest/extractors', './src/ingest/pipeline', './src/ingest/nlp'],
              'Reading a file into text and regions knows nothing of what is extracted from it.',
            ),
            zone(
              './src/export',
              ['./src/graphql', './src/seed', './src/http', './src/app', './src/cli', './src/launcher'],
              'Exports read the graph through the database layer; they know neither the API nor the seed format.',
            ),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The language library sits behind one service module, so that another (CoreNLP, a statistical model) replaces one file.
    files: ['src/ingest/**/*.ts'],
    ignores: ['src/ingest/nlp/tagger.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['wink-nlp', 'wink-eng-lite-web-model'].map((name) => ({
            name,
            message: 'Use the NLP service (src/ingest/nlp/tagger.ts) or the sentences and words the segment stage gives.',
          })),
        },
      ],
    },
  },
  {
    // A function does one thing: past 100 lines (blank lines and comments counted, nested functions included) it is
    // split into named steps.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false, IIFEs: true }] },
  },
  {
    // Tests and the benchmark read loosely typed JSON answers.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
