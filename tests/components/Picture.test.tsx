import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { GlossaryEntry } from '../../components/GlossaryEntry';
import { Overview } from '../../components/Overview';
import { Picture, svgNode } from '../../components/Picture';
import { loadPictureSvg, pictureById } from '../../components/picture-source';
import { TScoreCheck } from '../../components/TScoreCheck';
import { CONDITIONS, termById } from '../../glossary/terms';
import { useFakeTab } from './setup';

useFakeTab(() => ({}));

const drawn = (root: ParentNode = document) => root.querySelector('.picture-art svg');

describe('Picture', () => {
  it('should draw the picture as SVG nodes, announced by its alt text, with its caption', async () => {
    render(<Picture id="wedge-fracture" load={loadPictureSvg} caption />);
    const img = screen.getByRole('img', { name: pictureById.get('wedge-fracture')!.alt });
    await waitFor(() => expect(drawn(img)).not.toBeNull());
    expect(drawn(img)!.getAttribute('viewBox')).toBe('0 0 480 280');
    expect(drawn(img)!.getAttribute('aria-hidden')).toBe('true');
    expect(img.closest('figure')!.querySelector('figcaption')!.textContent).toBe(pictureById.get('wedge-fracture')!.caption);
  });

  it('should take SVG text handed to it (how the card will pass a loaded picture)', async () => {
    const svg = await loadPictureSvg('kyphoplasty-steps');
    render(<Picture id="kyphoplasty-steps" svg={svg} load={() => Promise.reject(new Error('should not load'))} />);
    await waitFor(() => expect(drawn()).not.toBeNull());
    expect(document.querySelector('figcaption')).toBeNull();
  });

  it('should drop scripts, handlers and outside links, and refuse text that is not SVG', () => {
    const node = svgNode(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="x()"><title>t</title><script>x()</script><a href="https://example.com"><circle r="1" onclick="y()"/></a><use href="#c"/></svg>',
    )!;
    expect(node.querySelector('script')).toBeNull();
    expect(node.getAttribute('onload')).toBeNull();
    expect(node.querySelector('circle')!.getAttribute('onclick')).toBeNull();
    expect(node.querySelector('a')!.getAttribute('href')).toBeNull();
    expect(node.querySelector('use')!.getAttribute('href')).toBe('#c');
    expect(svgNode('<p>not svg</p>')).toBeUndefined();
    expect(svgNode('<svg xmlns="http://www.w3.org/2000/svg"><circle')).toBeUndefined();
  });

  it('should render nothing for an unknown picture', () => {
    const { container } = render(<Picture id="no-such-picture" />);
    expect(container.childNodes.length).toBe(0);
  });
});

describe('pictures on the pages', () => {
  it('should show an entry’s picture large, with its caption, on the glossary page', async () => {
    render(<GlossaryEntry term={termById.get('wedge-fracture')!} level={3} />);
    await waitFor(() => expect(drawn(document.getElementById('wedge-fracture')!)).not.toBeNull());
    expect(document.querySelector('#wedge-fracture figure.picture-large figcaption')).not.toBeNull();
  });

  it('should show the pictures in the overview sections', async () => {
    render(<Overview condition={CONDITIONS[0]!} />);
    const withPicture = CONDITIONS[0]!.sections.filter((s) => s.picture);
    expect(withPicture.length).toBeGreaterThanOrEqual(4);
    for (const s of withPicture)
      expect(document.querySelector(`#ov-${s.id} figure[data-picture="${s.picture}"]`), s.id).not.toBeNull();
    await waitFor(() => expect(document.querySelectorAll('.ov-section .picture-art svg').length).toBe(withPicture.length));
  });
});

describe('TScoreCheck', () => {
  it.each([
    ['-1.0', 'normal', /normal range/],
    ['-1.01', 'low-bone-mass', /low bone mass range/],
    ['−2,5', 'osteoporosis', /osteoporosis range/],
  ])('should place %j in the %s band, on the drawing and in the live text', (score, band, text) => {
    render(<TScoreCheck />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Your T-score' }), { target: { value: score } });
    const marker = document.querySelector('.tscore-marker') as HTMLElement;
    expect(marker.classList.contains(`band-${band}`)).toBe(true);
    expect(marker.style.left).toMatch(/%$/);
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toMatch(text);
  });

  it('should say when the input is not a number, and draw no marker', () => {
    render(<TScoreCheck />);
    const input = screen.getByRole('textbox', { name: 'Your T-score' });
    fireEvent.input(input, { target: { value: 'low' } });
    expect(document.querySelector('.tscore-marker')).toBeNull();
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toMatch(/is not a number/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('should say who the band edges are for, and appear on the T-score entry', () => {
    render(<GlossaryEntry term={termById.get('t-score')!} level={3} />);
    expect(document.getElementById('t-score')!.textContent).toMatch(/women past menopause and men aged 50 and over/);
    expect(screen.getByRole('textbox', { name: 'Your T-score' })).toBeTruthy();
  });
});
