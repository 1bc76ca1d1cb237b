import { Client } from 'pg';

/**
 * Sets the application role's password (the embedded PostgreSQL authenticates by password;
 * under trust auth none is needed). Run after migrations, which create the role.
 */
export async function setAppRolePassword(ownerUrl: string, role: string, password: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ literal: string }>('SELECT quote_literal($1) AS literal', [password]);
    await client.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD ${rows[0].literal}`);
  } finally {
    await client.end();
  }
}
