import type { Condition } from '../glossary/types';
import { below, Heading, type Level } from './Heading';
import { t } from './i18n';
import { Picture } from './Picture';
import { loadPictureSvg } from './picture-source';
import { Sources } from './Sources';

/** Section anchors carry a prefix: bare ids belong to glossary entries (`glossary.html#<term-id>`). */
export const sectionAnchor = (sectionId: string) => `ov-${sectionId}`;

/** A condition overview: title, summary, a numbered table of contents, its sections and sources. */
export function Overview({ condition, level = 2 }: { condition: Condition; level?: Level }) {
  const titleId = `${condition.id}-title`;
  const tocId = `${condition.id}-toc`;
  const sub = below(level);
  return (
    <article class="overview" aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {condition.title}
      </Heading>
      <p class="summary">{condition.summary}</p>
      <nav class="toc" aria-labelledby={tocId}>
        <p class="toc-title" id={tocId}>
          {t('contents')}
        </p>
        <ol>
          {condition.sections.map((s) => (
            <li key={s.id} class={s.urgent ? 'toc-urgent' : undefined}>
              <a href={`#${sectionAnchor(s.id)}`}>{s.heading}</a>
            </li>
          ))}
        </ol>
      </nav>
      {condition.sections.map((s) => (
        <section
          key={s.id}
          id={sectionAnchor(s.id)}
          class={s.urgent ? 'ov-section urgent' : 'ov-section'}
          aria-labelledby={`${sectionAnchor(s.id)}-h`}
        >
          <Heading level={sub} id={`${sectionAnchor(s.id)}-h`}>
            {s.urgent && <span class="urgent-label">{t('urgent')}: </span>}
            {s.heading}
          </Heading>
          {s.blocks.map((b, i) =>
            b.type === 'paragraph' ? (
              <p key={i}>{b.text}</p>
            ) : (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ),
          )}
          {s.picture && <Picture id={s.picture} load={loadPictureSvg} caption class="picture-section" />}
          <p class="to-toc">
            <a href={`#${tocId}`}>{t('backToContents')}</a>
          </p>
        </section>
      ))}
      <Sources sources={condition.sources} />
    </article>
  );
}
