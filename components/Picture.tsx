import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pictureById, type PictureLoader } from './picture-meta';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Parses SVG text into a node of `doc` without innerHTML. The pictures are checked at build time
 * (scripts/check-pictures.ts); this drops scripts, handlers and outside links again in case one slips by.
 */
export function svgNode(svg: string, doc: Document = document): SVGSVGElement | undefined {
  const root = cleanRoot(svg);
  if (!root) return undefined;
  const node = doc.importNode(root, true) as unknown as SVGSVGElement;
  // The wrapper carries role="img" and the alt text; the drawing's own <title> would be read twice.
  node.setAttribute('aria-hidden', 'true');
  node.setAttribute('focusable', 'false');
  return node;
}

// Parsed once per drawing: the glossary page shows some pictures on several entries.
const parsedCache = new Map<string, Element | undefined>();

function cleanRoot(svg: string): Element | undefined {
  if (parsedCache.has(svg)) return parsedCache.get(svg);
  const root = parse(svg);
  parsedCache.set(svg, root);
  return root;
}

function parse(svg: string): Element | undefined {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length)
    return undefined;
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (el.localName === 'script' || el.localName === 'foreignObject') {
      el.remove();
      continue;
    }
    for (const a of Array.from(el.attributes)) {
      const outside = (a.localName === 'href' || a.localName === 'src') && !a.value.startsWith('#');
      if (a.name.toLowerCase().startsWith('on') || outside) el.removeAttribute(a.name);
    }
  }
  return root;
}

/**
 * One of the glossary's pictures: the drawing (from `svg`, or loaded by id), announced as an image
 * with its alt text, and its caption below when `caption` is set. `children` are drawn over it.
 */
export function Picture(props: {
  id: string;
  svg?: string;
  caption?: boolean;
  class?: string;
  /** Where the drawing comes from when `svg` is not given (picture-source.ts on the extension's pages). */
  load?: PictureLoader;
  children?: ComponentChildren;
}) {
  const meta = pictureById.get(props.id);
  const art = useRef<HTMLDivElement>(null);
  const [svg, setSvg] = useState<string | undefined>(props.svg);
  const load = props.load;

  useEffect(() => {
    if (props.svg !== undefined) return setSvg(props.svg);
    if (!load) return;
    let live = true;
    void load(props.id).then(
      (text) => live && setSvg(text),
      // A drawing that cannot load leaves its frame empty; the alt text still says what it shows.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [props.id, props.svg]);

  useEffect(() => {
    const host = art.current;
    if (!host || svg === undefined) return;
    const node = svgNode(svg, host.ownerDocument);
    if (!node) return;
    host.replaceChildren(node);
    return () => node.remove();
  }, [svg]);

  if (!meta) return null;
  return (
    <figure class={`picture ${props.class ?? ''}`.trim()} data-picture={props.id}>
      <div class="picture-frame">
        <div class="picture-art" ref={art} role="img" aria-label={meta.alt} />
        {props.children}
      </div>
      {props.caption && <figcaption class="picture-caption">{meta.caption}</figcaption>}
    </figure>
  );
}
