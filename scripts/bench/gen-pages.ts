/** Generated benchmark pages: a ~5 MB health page with glossary terms sprinkled in, and a page with none. */
import { TERMS } from '../../glossary/terms';
import { fakeWord, rng } from './terms-gen';

const COMMON = `the of and to in is was for on that with as by at from his her they have this are be it an
which were had but not their one all would there been when who will more no if out so said what up its about
into than them can only other new some could time these two may then do first any my now such like our over man
me even most made after also did many before must through back years where much your way well down should
because each just those people how too little state good very make world still own see men work long get here
between both life being under never day same another know while last might us great old year off come since
against go came right used take three states himself few house use during without again place american around
however home small found thought went say part once general high upon school every does got united left number
course war until always away something fact though water less public put think almost hand enough far took head
yet government system better set told nothing night end why called didn eyes find going look asked later knew
point next program city business give group toward young days let room president side social given present
several order national possible rather second face per among form important often things looked early white case
john become large big need four within felt along children saw best church ever least power development light
thing seemed family interest want members mind country area others done turned although open god service certain
kind problem began different door thus help sense means whole matter perhaps itself york times law human line
above name example action company hands local show whether five history gave today either act feet across taken
past quite anything seen having death week experience body word half really field am car words already themselves
information tell together college shall money period held keep sure real probably free seems political cannot
behind miss question air office making brought whose special major heard problems ago became federal study
available known result street economic boy position reason change south board individual job society areas west
close turn love community true court force full seem policy wife future age wanted department voice center common
control necessary policy following front sometimes six girl clear further land run students provide feel party
able mother music education university child effect level stood military town short morning total outside rate
figure class art century north leave therefore top evidence sound played minister private boys garden weather
river village harbour railway kitchen library market painting theatre coffee journey festival recipe harvest
election orchestra bicycle chapter sailing mountain ancient quarter silver meadow lantern engine telescope`.split(/\s+/);

const INLINE = ['a', 'em', 'strong', 'b', 'i', 'span'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Every word that appears in any glossary form (lower case): banned from the no-terms page. */
function glossaryWords(): Set<string> {
  const words = new Set<string>();
  for (const t of TERMS)
    for (const f of [t.term, ...t.variants, ...t.abbreviations])
      for (const w of f.toLowerCase().split(/[^a-z0-9']+/)) if (w) words.add(w);
  return words;
}

interface GenOptions {
  /** Approximate size of the HTML in bytes. */
  bytes: number;
  /** Probability that a word slot holds a glossary term instead of filler. */
  termRate: number;
  seed: number;
  title: string;
}

function generate(opts: GenOptions): string {
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const banned = glossaryWords();
  const vocab = COMMON.filter((w) => w && !banned.has(w));
  const forms = TERMS.flatMap((t) => [t.term, ...t.variants, ...t.abbreviations]);
  const word = (): string =>
    opts.termRate > 0 && rand() < opts.termRate ? pick(forms) : rand() < 0.02 ? fakeWord(rand) : pick(vocab);
  const sentence = (): string => {
    const n = 6 + Math.floor(rand() * 14);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(word());
    const s = ws.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + (rand() < 0.1 ? '?' : '.');
  };
  /** A paragraph's inner HTML: sentences, a few words wrapped in inline tags (so some terms span tags). */
  const inline = (sentences: number): string => {
    const parts: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const html = sentence()
        .split(' ')
        .map((w) => {
          if (rand() >= 0.04) return esc(w);
          const tag = pick(INLINE);
          return tag === 'a' ? `<a href="/w/${encodeURIComponent(w)}">${esc(w)}</a>` : `<${tag}>${esc(w)}</${tag}>`;
        });
      parts.push(html.join(' '));
    }
    return parts.join(' ');
  };
  const out: string[] = [];
  out.push(`<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(opts.title)}</title>\n`);
  out.push(
    '<style>body{font:16px/1.5 sans-serif;max-width:900px;margin:auto} nav ul{display:flex;gap:8px;list-style:none}</style>\n</head>\n<body>\n',
  );
  out.push('<header><nav><ul>');
  for (let i = 0; i < 40; i++) out.push(`<li><a href="/section/${i}">${esc(pick(vocab))} ${esc(pick(vocab))}</a></li>`);
  out.push('</ul></nav></header>\n<main>\n');
  let size = out.join('').length;
  let section = 0;
  while (size < opts.bytes) {
    const chunk: string[] = [];
    chunk.push(`<section id="s${section}"><h2>${esc(sentence().slice(0, -1))}</h2>\n`);
    const paragraphs = 3 + Math.floor(rand() * 6);
    for (let p = 0; p < paragraphs; p++) chunk.push(`<p>${inline(2 + Math.floor(rand() * 5))}</p>\n`);
    if (rand() < 0.4) {
      chunk.push('<ul>');
      for (let i = 0; i < 3 + Math.floor(rand() * 5); i++) chunk.push(`<li>${inline(1)}</li>`);
      chunk.push('</ul>\n');
    }
    if (rand() < 0.15) {
      chunk.push('<table><tbody>');
      for (let r = 0; r < 4; r++)
        chunk.push(`<tr><td>${esc(word())}</td><td>${inline(1)}</td><td>${Math.floor(rand() * 1000)}</td></tr>`);
      chunk.push('</tbody></table>\n');
    }
    if (rand() < 0.1) chunk.push(`<pre><code>const ${fakeWord(rand)} = "${esc(word())}";</code></pre>\n`);
    if (rand() < 0.2)
      chunk.push(
        `<aside><div class="card"><div class="meta"><span>${esc(pick(vocab))}</span> · <time>${section} min</time></div><p>${inline(1)}</p></div></aside>\n`,
      );
    chunk.push('</section>\n');
    const html = chunk.join('');
    out.push(html);
    size += html.length;
    section++;
  }
  out.push('</main>\n<footer><p>Generated page for the Health Glossary benchmark.</p></footer>\n</body>\n</html>\n');
  return out.join('');
}

/** ~5 MB of filler prose with glossary terms sprinkled in (about one word in 40). */
export function syntheticPage(): string {
  return generate({ bytes: 5 * 1024 * 1024, termRate: 1 / 40, seed: 5, title: 'Synthetic 5 MB page with glossary terms' });
}

/** ~1 MB of the same kind of markup with no glossary word at all. */
export function noTermsPage(): string {
  return generate({ bytes: 1024 * 1024, termRate: 0, seed: 7, title: 'Generated page with no glossary terms' });
}
