import { sql, type RawBuilder } from 'kysely';

// Text search with LIKE, where the user's % and _ are letters, not wildcards.

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => '\\' + c);
}

/** `column` contains `text` anywhere (both dialects: ESCAPE is standard SQL). */
export function contains(column: string, text: string): RawBuilder<boolean> {
  // lower() on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
  return sql<boolean>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** `column` starts with `text`. */
export function startsWith(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${`${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}
