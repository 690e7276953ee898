// The platform's rule for a single-entity lookup (`organization(id)`, `member(id)`, `station(id)`,
// `microWish(id)` …) and for an entity reference another subgraph resolves: the entity when the
// caller may read it, else null. An id that never existed, one whose entity was deleted and one
// outside the caller's scope all answer the same null, so a lookup never tells an outsider that
// something exists (a FORBIDDEN for "exists, not yours" next to a null for "unknown" would).
// FORBIDDEN stays for refusals that do not depend on the id (a role that reads no such records),
// checked before the entity is loaded.

/** `entity` when it exists and `readable` accepts it; null otherwise. */
export async function visibleOrNull<T>(
  entity: T | null | undefined,
  readable: (entity: T) => boolean | Promise<boolean>,
): Promise<T | null> {
  if (entity === null || entity === undefined) return null;
  return (await readable(entity)) ? entity : null;
}
