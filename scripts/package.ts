/** `npm run package`: store-ready zips of both builds in artifacts/ (run after `npm run build`). */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
for (const target of ['chrome', 'firefox']) {
  const name = `newsmark-${target}-${version}.zip`;
  execFileSync('npx', ['--no-install', 'web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'artifacts', '--filename', name, '--overwrite-dest'], { stdio: 'ignore' });
  console.log(`artifacts/${name}  ${(statSync(`artifacts/${name}`).size / 1024).toFixed(1)} KB`);
}
