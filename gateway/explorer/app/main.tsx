// The explorer page: GraphiQL 5 with the docs (the schema's Chinese labels), history, the
// cookbook and the CSV download, all bundled into /explorer/ so that it runs without internet.
import './monaco-workers';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { COOKBOOK } from '../cookbook';
import { COOKBOOK_PLUGIN } from './cookbook-panel';
import { CSV_PLUGIN } from './csv-panel';
import { explorerSettings, graphqlFetcher, type ExplorerSettings } from './gateway-api';
import { TokenBar } from './token-bar';
import { storeToken, storedToken } from './token-store';

const PLUGINS = [COOKBOOK_PLUGIN, CSV_PLUGIN, HISTORY_PLUGIN];

function Explorer() {
  const [token, setToken] = useState(storedToken);
  const [settings, setSettings] = useState<ExplorerSettings>();
  useEffect(() => {
    explorerSettings().then(setSettings, () => undefined);
  }, []);
  // A new fetcher when the token changes: GraphiQL then introspects again, so the docs appear
  // as soon as a token that may read the schema is given.
  const fetcher = useMemo(() => graphqlFetcher(token), [token]);
  const onToken = (next: string) => {
    storeToken(next);
    setToken(next);
  };
  return (
    <div className="explorer">
      <TokenBar token={token} settings={settings} onToken={onToken} />
      <GraphiQL
        fetcher={fetcher}
        plugins={PLUGINS}
        defaultQuery={COOKBOOK[0].query}
        defaultEditorToolsVisibility="variables"
        isHeadersEditorEnabled={false}
      />
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
