// The lists in a GraphQL result, by the dotted path `POST /export.csv` takes as `list`
// (csv-export.ts): a connection by its own path (`organizations`, not `organizations.edges`),
// since the export pages it itself; a plain list by its path. Lists inside list items are left
// out: the export's path runs through objects only.

function isConnection(value: Record<string, unknown>): boolean {
  return Array.isArray(value.edges);
}

/** Every exportable list path in `data`, outermost first. */
export function listPathsOf(data: unknown, prefix: string[] = []): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
    const path = [...prefix, key];
    if (Array.isArray(value)) return [path.join('.')];
    if (value === null || typeof value !== 'object') return [];
    const record = value as Record<string, unknown>;
    if (isConnection(record)) return [path.join('.')];
    return listPathsOf(record, path);
  });
}
