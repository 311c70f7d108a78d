import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// The handbook's examples, served by the API as JSON, each in a tab of its own (with its variables, if any).
async function start(): Promise<void> {
  const examples = (await (await fetch('/app/examples.json')).json()) as { name: string; query: string; variables?: string }[];
  const fetcher = createGraphiQLFetcher({ url: '/graphql' });
  createRoot(document.getElementById('graphiql')!).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: examples[0]?.query ?? '{ statistics { nodes relationships } }',
      defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables ?? null })),
      shouldPersistHeaders: false,
    }),
  );
}

void start();
