import { optimize, type Config, type CustomPlugin, type XastElement } from 'svgo';

/** Largest a picture may weigh after optimisation (issue #11). */
export const MAX_PICTURE_BYTES = 12 * 1024;

/** The one optimiser setting for writing and checking pictures: the default preset keeps <title> and viewBox in svgo 4. */
export const SVGO_CONFIG: Config = { multipass: true, floatPrecision: 1, plugins: ['preset-default'] };

/** Optimises a picture's SVG text with svgo. */
export function optimizeSvg(svg: string): string {
  return optimize(svg, SVGO_CONFIG).data;
}

const LINK_ATTRS = new Set(['href', 'xlink:href', 'src']);

/** Collects problems while svgo walks the parsed tree: no regexes over markup. */
function inspector(problems: string[], found: { title: boolean; viewBox: boolean; texts: string[] }): CustomPlugin {
  return {
    name: 'health-glossary-inspect',
    fn: () => ({
      element: {
        enter(node: XastElement, parent) {
          const name = node.name.toLowerCase();
          if (name === 'svg' && parent.type === 'root') {
            if (node.attributes.viewBox) found.viewBox = true;
          }
          if (name === 'text')
            found.texts.push(
              node.children
                .flatMap((ch) => (ch.type === 'text' ? [ch.value] : []))
                .join('')
                .trim(),
            );
          if (name === 'title' && node.children.some((ch) => ch.type === 'text' && ch.value.trim())) found.title = true;
          if (name === 'script') problems.push('contains a <script> element');
          if (name === 'foreignobject') problems.push('contains a <foreignObject> element');
          for (const [attr, value] of Object.entries(node.attributes)) {
            const a = attr.toLowerCase();
            if (a.startsWith('on')) problems.push(`<${node.name}> has an event handler attribute ${attr}`);
            if (LINK_ATTRS.has(a) && !value.trim().startsWith('#'))
              problems.push(`<${node.name}> ${attr} points outside the picture: ${value}`);
            if (/url\(\s*['"]?(?!#)/i.test(value)) problems.push(`<${node.name}> ${attr} has a url() outside the picture`);
          }
          if (
            name === 'style' &&
            node.children.some(
              (ch) => (ch.type === 'text' || ch.type === 'cdata') && /url\(\s*['"]?(?!#)|@import/i.test(ch.value),
            )
          )
            problems.push('a <style> element loads something from outside the picture');
        },
      },
    }),
  };
}

/**
 * Checks one picture's SVG: optimises it with svgo, then inspects the optimised tree.
 * Returns the optimised text, the problems (each phrased for `<id>.svg: <problem>`) and the
 * picture's text labels.
 */
export function checkSvg(svg: string): { optimized: string; problems: string[]; texts: string[] } {
  const problems: string[] = [];
  let optimized = '';
  try {
    optimized = optimizeSvg(svg);
  } catch (e) {
    return { optimized, texts: [], problems: [`is not valid SVG: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
  const found = { title: false, viewBox: false, texts: [] as string[] };
  // The inspector runs alone on the optimised text, so it sees exactly what ships.
  optimize(optimized, { plugins: [inspector(problems, found)] });
  if (!found.title) problems.push('has no <title>');
  if (!found.viewBox) problems.push('has no viewBox on the <svg> element');
  const bytes = new TextEncoder().encode(optimized).length;
  if (bytes > MAX_PICTURE_BYTES) problems.push(`weighs ${bytes} bytes after optimisation; at most ${MAX_PICTURE_BYTES}`);
  return { optimized, problems: [...new Set(problems)], texts: found.texts };
}
