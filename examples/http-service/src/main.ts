import { startService } from './service.js';

const service = await startService({ port: Number(process.env.PORT ?? 3000) });
console.log(`Sellkit example service on ${service.url} (SQLite in memory)`);
console.log(`OpenAPI document: ${service.url}/openapi.json`);
console.log('Try:');
console.log(
  `  curl -s -X POST ${service.url}/companies -H 'Authorization: Bearer acme-admin-token' ` +
    `-H 'Content-Type: application/json' -d '{"name":"Cancity","industry":"retail"}'`,
);
console.log(`  curl -s ${service.url}/companies -H 'Authorization: Bearer acme-admin-token'`);
console.log(
  `  curl -s ${service.url}/reports/pipeline -H 'Authorization: Bearer acme-admin-token'`,
);

const stop = async () => {
  await service.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// SELLKIT_EXAMPLE_ONESHOT=1 (the packed-install test): answer one real request, then stop.
if (process.env.SELLKIT_EXAMPLE_ONESHOT === '1') {
  const response = await fetch(`${service.url}/openapi.json`);
  const document = (await response.json()) as { openapi?: string; paths?: object };
  console.log(
    `GET /openapi.json: ${response.status}, OpenAPI ${document.openapi}, ${Object.keys(document.paths ?? {}).length} paths`,
  );
  await stop();
}
