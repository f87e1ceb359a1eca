/**
 * Where the first stage's script time goes: `npx tsx scripts/bench/first-stage-pieces.ts [--runs=3]
 * [--pages=REGEX] [--out=FILE] [--old=FILE] [--split] [--pieces=REGEX] [--extra=FILE.json] [--calibrate] [--in-page-precheck]` (after `npm run build`). Each piece of the first stage runs alone as
 * the content script of an otherwise empty extension (same matches and frames as ours), side by side
 * with no extension and with the whole built first stage (its background answering "no term"), in one run of Debian's Chromium, with the
 * page-load benchmark's method (page-load.ts). Without --pages, 8 real pages of different sizes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { serve } from '../../tests/e2e/support/server';
import { buildPrecheck } from '../../glossary/precheck';
import { TERMS } from '../../glossary/terms';
import { marksAlone } from '../glossary-trie-plugin';
import { ROOT } from './harness';
import { inPageScript } from './in-page-precheck';
import { fmt, launch, load, log, median, noopExtension, pages } from './page-load';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 3);
const OUT = option('out') ?? path.join(ROOT, 'docs/first-stage-pieces.md');
const DEFAULT_PAGES = /^(ars-1|bbc-1|heise|medium-1|nytimes-3|rtl-1|wapo-2|wikipedia)$/;

const firstStage = readFileSync(path.join(ROOT, '.output/chrome-mv3/first-stage.js'), 'utf8');
/** With --old=FILE: an earlier build's first-stage.js, side by side with this one. */
const OLD = option('old');
/** The precheck's work step by step, each piece one step more than the last (--split). */
const SPLIT = args.includes('--split');
const PRECHECK_DATA = buildPrecheck(TERMS, marksAlone);
const DATA = JSON.stringify(JSON.stringify(PRECHECK_DATA));
const PREP = `const d = JSON.parse(${DATA}); const words = d.words.split('|'), prefixes = d.prefixes.split('|'), phrases = d.phrases;
const has = Set.prototype.has; const text = document.body.innerText;`;
const STEPS: Record<string, string> = {
  'precheck data parsed + innerText': `${PREP} void words; void prefixes; void phrases;`,
  '+ toLowerCase': `${PREP} void text.toLowerCase().length;`,
  '+ split': `${PREP} void text.toLowerCase().split(/[^a-z0-9]+/).length;`,
  '+ new Set(tokens)': `${PREP} void new Set(text.toLowerCase().split(/[^a-z0-9]+/)).size;`,
  '+ 407 word lookups, for loop (old)': `${PREP} const seen = new Set(text.toLowerCase().split(/[^a-z0-9]+/)); let n = 0; for (const w of words) if (seen.has(w)) n++; document.documentElement.dataset.n = n;`,
  '+ 407 word lookups, words.some(has, seen) (new)': `${PREP} const seen = new Set(text.toLowerCase().split(/[^a-z0-9]+/)); document.documentElement.dataset.n = words.some(has, seen);`,
  '+ words and 378 prefixes, for loops (old, no phrases)': `${PREP} const seen = new Set(text.toLowerCase().split(/[^a-z0-9]+/)); let n = 0; for (const w of words) if (seen.has(w)) n++; for (const w of prefixes) if (seen.has(w)) n++; document.documentElement.dataset.n = n;`,
  '+ words.some and prefixes.filter (new, no phrases)': `${PREP} const seen = new Set(text.toLowerCase().split(/[^a-z0-9]+/)); document.documentElement.dataset.n = words.some(has, seen) + prefixes.filter(has, seen).length;`,
};
/**
 * With --calibrate: the same work run at different moments, and a 5 ms busy loop, to check what each
 * metric sees. ScriptDuration does not count promise continuations; the CPU profile ("own") does.
 */
const CALIBRATE = args.includes('--calibrate');
const BUSY = 'const t = performance.now(); while (performance.now() - t < 5);';
const CHECKS = 'void document.defaultView.top; void document.contentType; void (typeof Highlight); void location.hostname;';
const MESSAGE = "chrome.runtime.sendMessage({ type: 'hg:precheck', text }, () => void chrome.runtime.lastError);";
const WORK = `${CHECKS} const text = document.body.innerText; ${MESSAGE}`;
const WHEN: Record<string, string> = {
  'checks + innerText': `${CHECKS} const text = document.body.innerText; void text.length;`,
  'checks + textContent': `${CHECKS} const text = document.body.textContent; void text.length;`,
  'checks + innerText + message': WORK,
  'checks + textContent + message': `${CHECKS} const text = document.body.textContent; ${MESSAGE}`,
  'checks + a message of one word': `${CHECKS} const text = 'a'; ${MESSAGE}`,
  'the same, in an idle callback': `requestIdleCallback(() => { ${WORK} }, { timeout: 1000 });`,
  'the same, in a promise continuation after an idle callback': `new Promise((r) => requestIdleCallback(r, { timeout: 1000 })).then(() => { ${WORK} });`,
  'the same, in a microtask': `Promise.resolve().then(() => { ${WORK} });`,
  '5 ms busy loop, at once': `{ ${BUSY} }`,
  '5 ms busy loop, in an idle callback': `requestIdleCallback(() => { ${BUSY} }, { timeout: 1000 });`,
  '5 ms busy loop, in a microtask': `Promise.resolve().then(() => { ${BUSY} });`,
};
/** With --in-page-precheck: the precheck run in the page by hashing (in-page-precheck.ts), against the message. */
const IN_PAGE = args.includes('--in-page-precheck');
const IN_PAGE_PIECES: Record<string, string> = {
  'checks + innerText + message': WORK,
  'checks + innerText + the precheck in the page': inPageScript(PRECHECK_DATA, CHECKS),
  'the same, and a message only on "maybe"': inPageScript(PRECHECK_DATA, CHECKS, MESSAGE),
};
/** Every piece's extension has a background that answers the first stage's precheck "no term", as on most pages. */
const NO_TERMS = `chrome.runtime.onMessage.addListener((m, _s, reply) => { if (m?.type === 'hg:precheck') reply(false); });`;
/** Each piece as the script of its own extension. */
const PIECES: Record<string, string> = {
  'nothing (the floor)': 'void 0;',
  'chrome.runtime.onMessage.addListener': 'chrome.runtime.onMessage.addListener(() => undefined);',
  'one innerText read of the body': 'void document.body.innerText.length;',
  'the document checks and an AbortController':
    'void document.defaultView.top; void document.contentType; void (typeof Highlight); void location.hostname; new AbortController();',
  'a MutationObserver on the body':
    'new MutationObserver(() => undefined).observe(document.body, { childList: true, subtree: true, characterData: true });',
  'first-stage.js parsed, not run': `if (globalThis.__neverSet) {\n${firstStage}\n}`,
  ...(SPLIT ? STEPS : {}),
  ...(CALIBRATE ? WHEN : {}),
  ...(IN_PAGE ? IN_PAGE_PIECES : {}),
  'the whole first stage (first-stage.js)': firstStage,
  ...(OLD ? { 'old first stage (--old)': readFileSync(OLD, 'utf8') } : {}),
  // --extra=FILE: a JSON object of more pieces, name to script (an experiment, side by side).
  ...(option('extra') ? (JSON.parse(readFileSync(option('extra')!, 'utf8')) as Record<string, string>) : {}),
};

async function main(): Promise<void> {
  const server = await serve({ pages: path.resolve(ROOT, '../shared/pages') }, () => ({
    'content-security-policy': "script-src 'none'",
  }));
  const origin = new URL(server.url('x')).origin;
  const list = pages().filter((p) => p.mount === 'pages' && (option('pages') || DEFAULT_PAGES.test(p.name)));
  if (list.length === 0) {
    log('(no real pages in ../shared/pages: nothing to measure)');
    return server.close();
  }
  // --pieces=REGEX: only the pieces whose names match (with the baseline).
  const only = option('pieces') ? new RegExp(option('pieces')!) : undefined;
  for (const n of Object.keys(PIECES)) if (only && !only.test(n)) delete PIECES[n];
  const names = ['none', ...Object.keys(PIECES)];
  const ctxs = new Map<string, BrowserContext>([['none', await launch(undefined)]]);
  for (const [name, code] of Object.entries(PIECES)) ctxs.set(name, await launch(noopExtension(code, NO_TERMS), true));
  // One load each first: a fresh profile's first load pays one-off costs.
  for (const name of names) await load(ctxs.get(name)!, server.url(`pages/${list[0]!.file}`), origin);
  const added = new Map<string, number[]>(names.map((n) => [n, []]));
  const ownMs = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const p of list) {
    const script = new Map<string, number[]>(names.map((n) => [n, []]));
    const own = new Map<string, number[]>(names.map((n) => [n, []]));
    for (let run = 0; run < RUNS; run++)
      for (let k = 0; k < names.length; k++) {
        // Rotated, so no piece always loads first.
        const name = names[(run + k) % names.length]!;
        const sample = await load(ctxs.get(name)!, server.url(`pages/${p.file}`), origin);
        script.get(name)!.push(sample.script);
        own.get(name)!.push(sample.own);
      }
    const base = median(script.get('none')!);
    for (const n of names) added.get(n)!.push(median(script.get(n)!) - base);
    for (const n of names) ownMs.get(n)!.push(median(own.get(n)!));
    log(`${p.name}: whole first stage +${fmt(median(script.get('the whole first stage (first-stage.js)')!) - base)} ms`);
  }
  for (const c of ctxs.values()) await c.close();
  await server.close();
  const lines = [
    '# Where the first stage spends its script time',
    '',
    `Generated by \`npx tsx scripts/bench/first-stage-pieces.ts\` (${list.length} real pages, ${RUNS} fresh loads per page and piece, medians; Debian Chromium, headless).`,
    'Each piece runs alone as the content script of an otherwise empty extension; added script is the renderer main-thread ScriptDuration over no extension.',
    '',
    "Own: the piece's CPU time from a sampling profile (page-load.ts), which also counts promise continuations; ScriptDuration does not.",
    '',
    '| piece | median own ms | median added script ms |',
    '|---|---|---|',
    ...Object.keys(PIECES).map((n) => `| ${n} | ${fmt(median(ownMs.get(n)!))} | ${fmt(median(added.get(n)!))} |`),
  ];
  const report = `${lines.join('\n')}\n`;
  if (OUT) writeFileSync(OUT, report);
  console.log(report);
}

void main();
