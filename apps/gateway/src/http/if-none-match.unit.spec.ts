import { ifNoneMatchHits } from './if-none-match';

describe('ifNoneMatchHits', () => {
  it('matches *, the strong or weak tag, and a tag anywhere in a list', () => {
    for (const header of ['*', ' * ', '"3"', 'W/"3"', '"1", "3"', '"1",W/"3"', 'W/"2" ,  "3"']) {
      expect([header, ifNoneMatchHits(header, 3)]).toEqual([header, true]);
    }
  });

  it('matches nothing for other versions, no header, or what is not an entity tag', () => {
    for (const header of [undefined, '', '"2"', 'W/"4", "1"', '"33"', '3', 'W/3', 'garbage', '"3']) {
      expect([header, ifNoneMatchHits(header, 3)]).toEqual([header, false]);
    }
  });
});
