/** True for MongoDB's E11000 duplicate key error, the signal that a unique fact was already stored. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

/**
 * The failed operations of an unordered multi-document write (insertMany, bulkWrite) when every
 * failure is a duplicate key, by their index in the request; null when any other error is among
 * them. A duplicate-key error without per-operation errors gives an empty list.
 */
export function duplicateKeyFailures(error: unknown): number[] | null {
  const raw = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as {
    index?: number;
    code?: number;
    err?: { code?: number };
  }[];
  if (!writeErrors.length) return isDuplicateKeyError(error) ? [] : null;
  return writeErrors.every((e) => (e.code ?? e.err?.code) === 11000)
    ? writeErrors.map((e) => e.index ?? -1)
    : null;
}
