// `npm test`'s pretest: finds the system tools the tests use (PDF readers, Chromium). On Debian as root it installs
// the missing ones with apt-get; anywhere else it prints exactly what to install and stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  { command: 'pdfinfo', debian: 'poppler-utils' },
  { command: 'pdftotext', debian: 'poppler-utils' },
  { command: 'pdffonts', debian: 'poppler-utils' },
  { command: 'pdftoppm', debian: 'poppler-utils' },
  { command: 'qpdf', debian: 'qpdf' },
  { command: 'chromium', debian: 'chromium', env: 'CHROMIUM_PATH' },
];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Safety Card needs Node.js 20.19 or newer; this is ${process.version}. Install a newer Node.js and run npm ci again.`);
  process.exit(1);
}

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const present = (tool) => (tool.env !== undefined && process.env[tool.env] !== undefined && existsSync(process.env[tool.env])) || onPath(tool.command);

let missing = TOOLS.filter((tool) => !present(tool));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((tool) => tool.debian))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  console.log(`Installing ${packages.join(' ')} for the tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: 'inherit', env }) : update;
  missing = TOOLS.filter((tool) => !present(tool));
  if (install.status === 0 && missing.length === 0) process.exit(0);
}

console.error(
  [
    `The tests need these programs, which are missing: ${missing.map((tool) => tool.command).join(', ')}.`,
    `On Debian or Ubuntu: sudo apt-get install -y ${[...new Set(missing.map((tool) => tool.debian))].join(' ')}`,
    'Elsewhere: install poppler (pdfinfo, pdftotext, pdffonts, pdftoppm), qpdf and Chromium; or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);
