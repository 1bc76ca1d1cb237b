import 'reflect-metadata';
import { readConfig } from '@kooperacja/platform';
import { createApp } from './create-app';

async function main() {
  const config = readConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  console.warn(`Kooperacja API listening on http://localhost:${config.port} (docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
