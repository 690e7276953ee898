/** True for MongoDB's E11000 duplicate key error, the signal that a unique fact was already stored. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
