#!/usr/bin/env node
/*
 * Offline check of manifest.xml: well-formed XML, resource ids ≤ 32 characters and all resolved, icons at 16/32/80,
 * every URL https, the ribbon's FunctionName equal to the id src/commands associates, the ExcelApi minimum equal to
 * the one src/excel/host.ts checks at run time (MIN_API), en-US overrides.
 * With --online it then tries `office-addin-manifest validate`, which needs Microsoft's online service.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const xml2js = require('xml2js');

const ROOT = path.join(__dirname, '..');

/** Every node of the parsed tree, with its element name. */
function* walk(node, name = '') {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, name);
    return;
  }
  if (typeof node === 'string') {
    yield { name, node };
    return;
  }
  if (!node || typeof node !== 'object') return;
  yield { name, node };
  for (const [k, v] of Object.entries(node)) if (k !== '$' && k !== '_') yield* walk(v, k.replace(/^.*:/, ''));
}

function attr(node, key) {
  return node && node.$ ? node.$[key] : undefined;
}

function text(node) {
  return typeof node === 'string' ? node : node && node._;
}

/** Returns the list of problems; empty when the manifest passes. */
async function checkManifest(file = path.join(ROOT, 'manifest.xml'), commandIdsFile = path.join(ROOT, 'src/commands/ids.ts')) {
  const problems = [];
  let doc;
  try {
    doc = await xml2js.parseStringPromise(fs.readFileSync(file, 'utf8'), { strict: true, explicitArray: true });
  } catch (e) {
    return [`manifest.xml is not well-formed XML: ${e.message.split('\n')[0]}`];
  }
  const nodes = [...walk(doc)];

  // Resources: ids, lengths, uniqueness; every resid resolved.
  const resources = new Map();
  for (const { name, node } of nodes) {
    if (typeof node === 'string' || !['Image', 'Url', 'String'].includes(name)) continue;
    const id = attr(node, 'id');
    if (!id) continue;
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
    resources.set(id, { kind: name, node });
  }
  for (const { name, node } of nodes) {
    const resid = attr(node, 'resid');
    if (resid === undefined) continue;
    if (resid.length > 32) problems.push(`resid "${resid}" (on ${name}) is longer than 32 characters`);
    if (!resources.has(resid)) problems.push(`resid "${resid}" (on ${name}) is not defined in <Resources>`);
  }

  // Icons: 16, 32 and 80 on every ribbon icon; the image files exist in assets/.
  for (const { name, node } of nodes) {
    if (name !== 'Icon' || !node['bt:Image']) continue;
    const sizes = node['bt:Image'].map((i) => attr(i, 'size')).sort();
    for (const need of ['16', '32', '80']) if (!sizes.includes(need)) problems.push(`an <Icon> lacks the ${need}px image`);
  }

  // URLs: https only; local asset files present.
  const urls = [];
  for (const { name, node } of nodes) {
    for (const key of ['DefaultValue', 'Value']) {
      const v = attr(node, key);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push({ where: name, url: v });
    }
    if (name === 'AppDomain') urls.push({ where: name, url: text(node) });
  }
  for (const { where, url } of urls) {
    if (!/^https:\/\//.test(url)) problems.push(`${where} URL is not https: ${url}`);
    const m = /\/assets\/([^/?#]+\.png)$/.exec(url);
    if (m && !fs.existsSync(path.join(ROOT, 'assets', m[1]))) problems.push(`${where} refers to assets/${m[1]}, which does not exist`);
  }

  // The ribbon function: the same id as Office.actions.associate in src/commands.
  const idMatch = /KIEM_TRA_ACTION\s*=\s*'([^']+)'/.exec(fs.readFileSync(commandIdsFile, 'utf8'));
  const functionNames = nodes.filter((n) => n.name === 'FunctionName').map((n) => text(n.node));
  if (!idMatch) problems.push('src/commands/ids.ts does not define KIEM_TRA_ACTION');
  else if (functionNames.length === 0) problems.push('no <FunctionName> for the Kiểm tra button');
  else
    for (const f of functionNames)
      if (f !== idMatch[1]) problems.push(`<FunctionName>${f}</FunctionName> differs from the associated id "${idMatch[1]}"`);

  // Requirements: what the code truly needs, as src/excel/host.ts states it; a higher minimum hides the add-in from
  // every Office below it (Office 2019 volume stops at ExcelApi 1.7), a lower one shows it where it cannot work.
  const minApi = /MIN_API\s*=\s*'([^']+)'/.exec(fs.readFileSync(path.join(ROOT, 'src', 'excel', 'host.ts'), 'utf8'));
  const sets = nodes.filter((n) => n.name === 'Set' && n.node.$).map((n) => n.node.$);
  const excel = sets.find((s) => s.Name === 'ExcelApi');
  if (!minApi) problems.push('src/excel/host.ts does not define MIN_API');
  else if (!excel || excel.MinVersion !== minApi[1])
    problems.push(
      `the manifest should require ExcelApi ${minApi[1]} (MIN_API in src/excel/host.ts), found ${excel ? excel.MinVersion : 'none'}`,
    );

  // Vietnamese by default, English overrides for every user-facing string.
  const loc = nodes.find((n) => n.name === 'DefaultLocale');
  if (!loc || text(loc.node) !== 'vi-VN') problems.push('DefaultLocale should be vi-VN');
  for (const [id, r] of resources) {
    if (r.kind !== 'String') continue;
    const over = r.node['bt:Override'] || [];
    if (!over.some((o) => attr(o, 'Locale') === 'en-US')) problems.push(`string "${id}" has no en-US override`);
  }
  for (const tag of ['DisplayName', 'Description']) {
    const n = nodes.find((x) => x.name === tag);
    if (!n || !(n.node.Override || []).some((o) => attr(o, 'Locale') === 'en-US')) problems.push(`<${tag}> has no en-US override`);
  }
  return problems;
}

async function main() {
  const problems = await checkManifest();
  if (problems.length) {
    console.error('manifest.xml: the offline check found problems:');
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(
    'manifest.xml: offline check passed (well-formed, resource ids resolved and ≤ 32 characters, icons 16/32/80, https only, FunctionName = associated id, ExcelApi minimum = MIN_API).',
  );
  if (!process.argv.includes('--online')) return;
  console.log("Full validation (schema and store rules) needs Microsoft's online service; trying office-addin-manifest validate…");
  const bin = path.join(ROOT, 'node_modules', '.bin', 'office-addin-manifest');
  const r = spawnSync(bin, ['validate', path.join(ROOT, 'manifest.xml')], { encoding: 'utf8', timeout: 60000 });
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (r.status === 0 && /valid/i.test(out) && !/not valid|invalid|error/i.test(out)) {
    console.log(out);
    return;
  }
  if (r.error || /ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|fetch failed|network|getaddrinfo|Unable to contact/i.test(out) || r.signal) {
    console.log('Full validation was not possible: the online validation service cannot be reached from here.');
    console.log('Only the offline check above has been done. Run `npm run validate` on a machine with internet access for the full check.');
    if (out)
      console.log(
        out
          .split('\n')
          .slice(0, 5)
          .map((l) => `  | ${l}`)
          .join('\n'),
      );
    return;
  }
  console.error(out);
  process.exit(1);
}

module.exports = { checkManifest };
if (require.main === module)
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
