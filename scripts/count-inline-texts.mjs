// Counts inline bilingual texts: object literals with `vi` and `en` properties whose values are
// string or template literals, outside the message catalogue and outside tests.
// Usage: node scripts/count-inline-texts.mjs [folder…] (default: packages/flow apps/server packages/engine)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/flow/package.json', import.meta.url));
const ts = require('typescript');

const folders =
  process.argv.length > 2 ? process.argv.slice(2) : ['packages/flow', 'apps/server', 'packages/engine'];
const isText = (node) =>
  node !== undefined &&
  (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node));
const counted = (file) =>
  /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes('/src/messages/');

function pairsIn(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let pairs = 0;
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const values = new Map();
      for (const property of node.properties) {
        if (
          ts.isPropertyAssignment(property) &&
          (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
        )
          values.set(property.name.text, property.initializer);
      }
      if (isText(values.get('vi')) && isText(values.get('en'))) pairs += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pairs;
}

for (const folder of folders) {
  const files = execFileSync('git', ['ls-files', '--', folder], { encoding: 'utf8' })
    .split('\n')
    .filter(counted);
  const found = files.map((file) => [file, pairsIn(file)]).filter(([, pairs]) => pairs > 0);
  const total = found.reduce((sum, [, pairs]) => sum + pairs, 0);
  console.log(`${folder}: ${total} pairs in ${found.length} files`);
  for (const [file, pairs] of found.sort((a, b) => b[1] - a[1])) console.log(`  ${pairs} ${file}`);
}
