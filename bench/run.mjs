#!/usr/bin/env node
// `npm run bench`: every benchmark in this folder, through tsx.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const name of ['ledger.ts', 'import-export.ts', 'ingest.ts', 'report-peak.ts', 'warnings.ts', 'assessment.ts', 'bulletin.ts']) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
