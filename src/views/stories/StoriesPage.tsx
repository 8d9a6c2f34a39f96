// The Stories page: the five seed posts as a list, each opening to its own sub-page (StoryView) with the
// claim in plain words and its published figures measured on demand. Layout only; state in storyRuns.
import { useEffect, useRef } from 'react';
import { openStory, STORIES, useStories } from '../../state/stories/storyRuns';
import { StoryView } from './StoryView';
import './stories.css';

function StoryList() {
  const last = useRef<HTMLButtonElement>(null);
  const lastId = useStories.getState().lastStoryId;
  // Back from a story, focus returns to its card (keyboard users keep their place in the list).
  useEffect(() => last.current?.focus(), []);
  return (
    <div className="story-index">
      <h2>Stories</h2>
      <p className="story-lede">
        Five posts from the kernel mailing lists, each told in plain words and tied to the presets that reproduce its
        published figures. Open one to read it, run its figures on this machine, or load a preset in the lab.
      </p>
      <ol className="story-list">
        {STORIES.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="story-card"
              ref={s.id === lastId ? last : undefined}
              data-testid={`story-open-${s.id}`}
              onClick={() => openStory(s.id)}
            >
              <span className="story-seed" title="The mailing-list post this story retells">
                Post {s.id}
              </span>
              <span className="story-card-title">{s.title}</span>
              <span className="story-byline">
                {s.author} · {s.list} · {s.date}
              </span>
              <span className="story-gist">{s.gist}</span>
              <span className="story-card-claims">
                {s.claims.length} published {s.claims.length === 1 ? 'figure' : 'figures'}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function StoriesPage() {
  const storyId = useStories((s) => s.storyId);
  const story = storyId === null ? undefined : STORIES.find((s) => s.id === storyId);
  return (
    <div className="stories-page" data-testid="StoriesPage">
      {story ? <StoryView story={story} /> : <StoryList />}
    </div>
  );
}
