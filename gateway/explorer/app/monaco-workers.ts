// Monaco asks for a web worker per language. The bundle build (gateway/scripts/build-explorer.mjs)
// writes each as a classic script under /explorer/workers/, so they load from the gateway's own
// origin under `worker-src 'self'`: graphiql's setup-workers modules use import.meta.url or a
// CDN, neither of which works offline with a plain esbuild bundle.
const WORKERS: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return new Worker(`/explorer/workers/${WORKERS[label] ?? 'editor.worker.js'}`);
  },
};
