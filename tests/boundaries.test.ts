/**
 * The import boundaries of DESIGN.md are enforced by eslint.config.js (and src/core/tsconfig.json for the DOM):
 * these tests feed the real linter and compiler code that crosses them.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function lintAs(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('import boundaries (eslint)', () => {
  const forbidden: [string, string, RegExp][] = [
    ['src/core/probe.ts', "import { PDFDocument } from 'pdf-lib';\nexport const x = PDFDocument;", /pdf-lib is imported only by src\/render\/pdf/],
    ['src/core/probe.ts', "import fontkit from '@pdf-lib/fontkit';\nexport const x = fontkit;", /pdf-lib is imported only by src\/render\/pdf/],
    ['src/core/probe.ts', "import { h } from 'preact';\nexport const x = h;", /preact belongs to src\/app/],
    ['src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /Node built-ins are for src\/cli/],
    ['src/core/probe.ts', "import { join } from 'path';\nexport const x = join;", /Node built-ins are for src\/cli/],
    ['src/core/layout/probe.ts', "import { draw } from '../../render/pdf/draw';\nexport const x = draw;", /src\/core is pure/],
    ['src/core/probe.ts', "import { measure } from '../fonts/measure';\nexport const x = measure;", /src\/core is pure/],
    ['src/core/probe.ts', 'export const title = () => document.title;', /no-restricted-globals: .*src\/core is pure: no DOM/],
    ['src/core/probe.ts', "export const get = () => fetch('/x');", /no-restricted-globals/],
    ['src/cli/probe.ts', "import { App } from '../app/App';\nexport const x = App;", /Nothing imports the app/],
    ['src/cli/probe.ts', "import { render } from 'preact';\nexport const x = render;", /preact belongs to src\/app/],
    ['src/cli/probe.ts', "import { PDFDocument } from 'pdf-lib';\nexport const x = PDFDocument;", /pdf-lib is imported only by src\/render\/pdf/],
    ['src/app/probe.ts', "import { PDFDocument } from 'pdf-lib';\nexport const x = PDFDocument;", /pdf-lib is imported only by src\/render\/pdf/],
    ['src/app/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /Node built-ins are for src\/cli/],
    ['src/render/preview/probe.ts', "import { PDFDocument } from 'pdf-lib';\nexport const x = PDFDocument;", /pdf-lib is imported only by src\/render\/pdf/],
    ['src/render/preview/probe.ts', "import { renderPdf } from '../pdf/render';\nexport const x = renderPdf;", /The preview never measures or imports the PDF renderer/],
    ['src/fonts/probe.ts', "import { renderPdf } from '../render/pdf/render';\nexport const x = renderPdf;", /src\/fonts is below render/],
  ];
  for (const [file, code, message] of forbidden) {
    it(`refuses in ${file}: ${code.split('\n')[0]}`, async () => {
      expect((await lintAs(file, code)).join('\n')).toMatch(message);
    });
  }

  it('lets core import zod and core, and the CLI import core', async () => {
    expect(await lintAs('src/core/probe.ts', "import { z } from 'zod';\nimport { formatPath } from './template/schema';\nexport const x = [z, formatPath];")).toEqual([]);
    expect(await lintAs('src/cli/probe.ts', "import { readFileSync } from 'node:fs';\nimport { formatPath } from '../core/template/schema';\nexport const x = [readFileSync, formatPath];")).toEqual([]);
    expect(await lintAs('src/render/pdf/probe.ts', "import { PDFDocument } from 'pdf-lib';\nimport { formatPath } from '../../core/template/schema';\nexport const x = [PDFDocument, formatPath];")).toEqual([]);
  });
});

describe('core type-checks without the DOM or Node', () => {
  it('rejects document and process in src/core (src/core/tsconfig.json)', async () => {
    const dir = join(REPO_ROOT, '.tmp/boundary-probe');
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'probe.ts'), 'export const title = (): string => document.title;\nexport const cwd = (): string => process.cwd();\n');
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../src/core/tsconfig.json', include: [], files: ['./probe.ts'] }));
      const output = await new Promise<string>((resolve) => {
        execFile(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], (_error, stdout) => resolve(stdout));
      });
      expect(output).toMatch(/probe\.ts\(1,\d+\): error TS\d+: Cannot find name 'document'/);
      expect(output).toMatch(/probe\.ts\(2,\d+\): error TS\d+: Cannot find name 'process'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
