// One story's sub-page: who said it and when, the claim in plain words, what the model mirrors, and the
// table of published figures (ClaimTable). Text comes from the story data; numbers only from runs.
import { useEffect, useRef } from 'react';
import { openStory, runStory, useStories, type Story } from '../../state/stories/storyRuns';
import { ClaimTable } from './ClaimTable';

export function StoryView({ story }: { story: Story }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const announcement = useStories((s) => s.announcement);
  // Opening a story moves focus to its title, so keyboard and screen-reader users land on the new page.
  useEffect(() => heading.current?.focus(), [story.id]);
  return (
    <article className="story" data-testid={`story-${story.id}`}>
      <nav className="story-nav" aria-label="stories">
        <button type="button" className="story-back" onClick={() => openStory(null)}>
          ← All stories
        </button>
        <span className="muted">
          Post {story.id}: {story.author}, {story.date}
        </span>
      </nav>
      <div className="story-top">
        <div className="story-prose">
          <h2 ref={heading} tabIndex={-1}>
            {story.title}
          </h2>
          <p className="story-byline">
            <b>{story.author}</b> · {story.list} · {story.date}
            <br />
            <span className="story-subject">{story.subject}</span>
          </p>
          <blockquote className="story-quote">
            <p>“{story.quote.text}”</p>
            <footer>— {story.quote.by}</footer>
          </blockquote>
          <h3>The claim in plain words</h3>
          {story.plain.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        <aside className="story-model" aria-labelledby={`model-${story.id}`}>
          <h3 id={`model-${story.id}`}>What the model does</h3>
          <p>{story.model.summary}</p>
          <dl className="story-names">
            {story.model.names.map((n) => (
              <div key={n.name}>
                <dt>
                  <code>{n.name}</code>
                </dt>
                <dd>{n.what}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
      <section className="story-claims" aria-labelledby={`claims-${story.id}`}>
        <div className="story-claims-head">
          <h3 id={`claims-${story.id}`}>Published figures, measured here</h3>
          <button
            type="button"
            className="story-run-all"
            data-testid="story-run-all"
            onClick={() => runStory(story.id)}
          >
            Run all
          </button>
        </div>
        <p className="muted story-note">
          “Run it” runs the preset and its baseline (or the other runs a figure needs) headless on this machine, seed 1,
          and computes the figure from the results. The check is the one the model’s calibration test asserts.
        </p>
        <ClaimTable story={story} />
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
      </section>
    </article>
  );
}
