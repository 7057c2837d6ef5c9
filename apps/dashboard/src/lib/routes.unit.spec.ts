import { parseView } from './routes';
import { SseParser } from './sse';

describe('dashboard URLs', () => {
  it('name a view each', () => {
    expect(parseView('/')).toEqual({ name: 'fleet' });
    expect(parseView('/assistants')).toEqual({ name: 'assistants' });
    expect(parseView('/assistants/abc')).toEqual({ name: 'assistant', id: 'abc', tab: 'overview' });
    expect(parseView('/assistants/abc/prompts/')).toEqual({ name: 'assistant', id: 'abc', tab: 'prompts' });
    expect(parseView('/conversations/c-1')).toEqual({ name: 'conversation', id: 'c-1' });
    expect(parseView('/assistants/abc/nothing').name).toBe('not-found');
  });
});

describe('server-sent events parser', () => {
  it('assembles messages across chunks and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push('id: 4\nevent: dom')).toEqual([]);
    expect(parser.push('ain\ndata: {"a":1}\n\n: ping\n\n')).toEqual([{ event: 'domain', data: '{"a":1}', id: '4' }]);
    expect(parser.push('data: x\r\ndata: y\r\n\r\n')).toEqual([{ event: 'message', data: 'x\ny' }]);
  });
});

import { diff } from './diff';

describe('version diff', () => {
  it('lists changed fields by path, leaving out bookkeeping', () => {
    expect(
      diff(
        { name: 'a', version: 1, configuration: { temperature: 0.7, model: 'm' }, tags: ['x'] },
        { name: 'a', version: 2, configuration: { temperature: 0.2, model: 'm' }, tags: ['x', 'y'] },
      ),
    ).toEqual([
      { path: 'configuration.temperature', before: 0.7, after: 0.2 },
      { path: 'tags', before: ['x'], after: ['x', 'y'] },
    ]);
  });
});
