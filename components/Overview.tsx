import type { Condition } from '../glossary/types';

/** A condition overview: title, summary, a table of contents and its sections. */
export function Overview({ condition }: { condition: Condition }) {
  return (
    <article class="overview" aria-labelledby={`${condition.id}-title`}>
      <h2 id={`${condition.id}-title`}>{condition.title}</h2>
      <p class="summary">{condition.summary}</p>
      <nav aria-label="Contents">
        <ol class="toc">
          {condition.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.heading}</a>
            </li>
          ))}
        </ol>
      </nav>
      {condition.sections.map((s) => (
        <section key={s.id} id={s.id} class={s.urgent ? 'urgent' : undefined} aria-labelledby={`${s.id}-h`}>
          <h3 id={`${s.id}-h`}>{s.heading}</h3>
          {s.blocks.map((b, i) =>
            b.type === 'paragraph' ? (
              <p key={i}>{b.text}</p>
            ) : (
              <ul key={i}>
                {b.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ),
          )}
        </section>
      ))}
      <p class="sources">
        Sources:{' '}
        {condition.sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 && ', '}
            <a href={s.url} target="_blank" rel="noopener">
              {s.org}
            </a>
          </span>
        ))}
      </p>
    </article>
  );
}
