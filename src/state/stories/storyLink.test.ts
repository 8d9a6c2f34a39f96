// The open story in permalinks: #s= and the readable ?page=stories&story=003 carry it, a bad id is named
// and dropped alone, and only the Stories page writes it into a link.
import { describe, expect, it } from 'vitest';
import { checkLink } from '../share/linkCheck';
import { linkHash, readAddress, type LinkState } from '../share/permalink';

const base: LinkState = {
  model: 'raid5',
  preset: 'raid5-3disk-threads',
  seed: 1,
  speed: 1e6,
  overrides: {},
  page: 'stories',
  timelineWindow: 'auto',
  follow: null,
};

function open(search: string, hash: string) {
  const ask = readAddress(search, hash);
  if (ask.kind === 'none') throw new Error('no link');
  const c = checkLink(ask.wire);
  return { ...c, problems: [...ask.problems, ...c.problems] };
}

describe('story in links', () => {
  it('round-trips through #s= on the Stories page', () => {
    const back = open('', linkHash({ ...base, story: '003' }));
    expect(back.problems).toEqual([]);
    expect(back.state.story).toBe('003');
    expect(back.state.page).toBe('stories');
  });

  it('is left out of links of other pages and of the story list', () => {
    expect(open('', linkHash({ ...base, page: 'lab', story: '003' })).state.story).toBeUndefined();
    expect(open('', linkHash({ ...base, story: null })).state.story).toBeUndefined();
  });

  it('reads the readable form as the id typed (003, not 3)', () => {
    const c = open('?page=stories&story=003', '');
    expect(c.problems).toEqual([]);
    expect(c.state.story).toBe('003');
  });

  it('names a story that does not exist and opens the list instead', () => {
    const c = open('?page=stories&story=009', '');
    expect(c.problems).toEqual([
      'link: story="009": accepted a story id (000 | 001 | 002 | 003 | 004); opened the list of stories',
    ]);
    expect(c.state.story).toBeUndefined();
    expect(c.state.page).toBe('stories');
  });
});
