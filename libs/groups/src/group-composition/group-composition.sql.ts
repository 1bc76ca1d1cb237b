import type { ProjectionBatch } from '@kooperacja/platform';

type Client = ProjectionBatch['client'];

/**
 * A table's columns as `jsonb_to_recordset` declares them, e.g. `group_id uuid, held_on date`:
 * rows travel as one JSON parameter, so a batch is one statement whatever its size.
 */
export class Columns {
  readonly names: readonly string[];
  private readonly types: ReadonlyMap<string, string>;

  constructor(readonly declaration: string) {
    const pairs = declaration.split(',').map((c) => c.trim().split(/\s+/) as [string, string]);
    this.names = pairs.map(([name]) => name);
    this.types = new Map(pairs);
  }

  /** Dates and ids come back as text, as the domain has them. */
  selectList(): string {
    return this.names
      .map((name) => {
        const type = this.types.get(name);
        if (type === 'date' || type === 'uuid') return `${name}::text AS ${name}`;
        if (type === 'uuid[]') return `${name}::text[] AS ${name}`;
        return name;
      })
      .join(', ');
  }

  declare(names: readonly string[] = this.names): string {
    return names.map((n) => `${n} ${this.types.get(n)}`).join(', ');
  }
}

export async function upsertRows(
  client: Client,
  table: string,
  tenantId: string,
  rows: readonly object[],
  columns: Columns,
  key: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const updates = columns.names.filter((n) => !key.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  await client.query(
    `INSERT INTO ${table} (tenant_id, ${columns.names.join(', ')})
     SELECT $1, ${columns.names.map((n) => `x.${n}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS x(${columns.declaration})
     ON CONFLICT (tenant_id, ${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
    [tenantId, JSON.stringify(rows)],
  );
}

/** Deletes rows by key: `keys` hold the key columns only. */
export async function deleteRows(
  client: Client,
  table: string,
  tenantId: string,
  keys: readonly object[],
  columns: Columns,
  key: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await client.query(
    `DELETE FROM ${table} t USING jsonb_to_recordset($2::jsonb) AS k(${columns.declare(key)})
      WHERE t.tenant_id = $1 AND ${key.map((k) => `t.${k} = k.${k}`).join(' AND ')}`,
    [tenantId, JSON.stringify(keys)],
  );
}
