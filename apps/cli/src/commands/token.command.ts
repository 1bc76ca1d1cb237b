import type { Command } from 'commander';
import { ROLES, isRole, isTenantRole, loadOrCreateDevKeys, readAuthConfig, signDevToken } from '@kooperacja/platform';

/** `token --role <role> [--tenant <id>] [--sub <user>]`: prints a dev token the running API accepts. */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('print a bearer token signed with the local dev key (AUTH_MODE=dev only; refused in production)')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--tenant <id>', 'tenant id (required for tenant roles), e.g. mr1')
    .option('--sub <user>', 'subject (user id)', 'dev-user')
    .option('--voivodeship <name...>', 'tenant-editor: voivodeship(s) the token covers')
    .option('--ttl <seconds>', 'lifetime in seconds', '43200')
    .action((opts: { role: string; tenant?: string; sub: string; voivodeship?: string[]; ttl: string }) => {
      const auth = readAuthConfig();
      if (auth.mode !== 'dev') throw new Error('AUTH_MODE is not dev: tokens come from the identity provider');
      if (!isRole(opts.role)) throw new Error(`unknown role "${opts.role}"; one of: ${ROLES.join(', ')}`);
      if (isTenantRole(opts.role) && !opts.tenant) throw new Error(`role ${opts.role} needs --tenant`);
      if (!isTenantRole(opts.role) && opts.tenant) throw new Error(`role ${opts.role} belongs to no tenant`);
      const ttlSeconds = Number(opts.ttl);
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new Error('--ttl must be a positive integer');
      const token = signDevToken(loadOrCreateDevKeys(auth.devKeysDir), {
        sub: opts.sub,
        role: opts.role,
        tenant: opts.tenant,
        voivodeships: opts.voivodeship,
        issuer: auth.issuer,
        audience: auth.audience,
        ttlSeconds,
      });
      console.log(token);
    });
}
