import { InvalidTemplateError, MissingVariablesError } from './prompt.errors';
import { parseTemplate, renderTemplate } from './template';

const templateError = (template: string): InvalidTemplateError => {
  try {
    parseTemplate(template);
  } catch (err) {
    if (err instanceof InvalidTemplateError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(template)} to be refused`);
};

const missingNames = (run: () => unknown): string[] => {
  try {
    run();
  } catch (err) {
    if (err instanceof MissingVariablesError) return err.names;
    throw err;
  }
  throw new Error('expected missing variables');
};

describe('parseTemplate', () => {
  it('lists top-level variables in order of first use, once each', () => {
    expect(parseTemplate('Hi {{name}}, you are {{ role }}. Bye {{name}}. {{{raw}}}').variables).toEqual([
      'name',
      'role',
      'raw',
    ]);
  });

  it('counts #if and #unless params and everything inside them', () => {
    const t =
      '{{#if vip}}VIP {{tier}}{{else if trial}}{{days}} left{{else}}{{plan}}{{/if}}{{#unless quiet}}{{greeting}}{{/unless}}';
    expect(parseTemplate(t).variables).toEqual(['vip', 'tier', 'trial', 'days', 'plan', 'quiet', 'greeting']);
  });

  it('counts the #each / #with param but not paths relative to the item, except ../ and @root', () => {
    const t =
      '{{#each items}}{{title}} {{this}} {{@index}} {{../shop}} {{#if done}}{{../currency}}{{/if}}{{else}}{{emptyText}}{{/each}}' +
      '{{#with owner as |o|}}{{o}} {{name}} {{@root.footer}}{{/with}}';
    expect(parseTemplate(t).variables).toEqual(['items', 'shop', 'currency', 'emptyText', 'owner', 'footer']);
  });

  it('ignores comments, data variables and {{this}} at the top level', () => {
    expect(parseTemplate('{{! a {{note}} }}{{!-- {{x}} --}}{{@root}}{{this}}{{@index}} text').variables).toEqual([]);
  });

  it('reports a parse error on line 1 with its 1-based column', () => {
    const err = templateError('Hello {{name');
    expect([err.line, err.column]).toEqual([1, 9]);
    expect(err.message).toMatch(/^Template error at line 1, column 9: /);
  });

  it('reports the right position on line 3 of a multi-line template', () => {
    const err = templateError('First line\nSecond line\nHi {{name}}}');
    expect([err.line, err.column]).toEqual([3, 10]);
    expect(err.message).toContain('line 3, column 10');
  });

  it('reports an unclosed block where the template ends', () => {
    const err = templateError('One\nTwo\n{{#if x}} open');
    expect([err.line, err.column]).toEqual([3, 15]);
    expect(err.reason).toContain('ends inside');
  });

  it('reports a block closed by the wrong name at the block', () => {
    const err = templateError('ok\n  {{#if a}}x{{/each}}');
    expect([err.line, err.column]).toEqual([2, 6]);
    expect(err.reason).toBe("if doesn't match each");
  });

  it('keeps working after an error (the parser holds no stale state)', () => {
    templateError('{{#if}}{{');
    expect(parseTemplate('{{a}}').variables).toEqual(['a']);
  });

  it.each([
    ['{{uppercase name}}', 1, 1, 'unknown helper "uppercase"'],
    ['x {{> footer}}', 1, 3, 'partials are not supported'],
    ['\n{{user.name}}', 2, 3, 'cannot read a field'],
    ['{{#each}}{{/each}}', 1, 1, '#each takes exactly one variable'],
    ['{{#if (eq a b)}}x{{/if}}', 1, 7, 'helper calls are not supported'],
    ['{{[first name]}}', 1, 3, 'not a valid variable name'],
    ['{{lookup}}', 1, 3, 'helper name'],
    ['{{"quoted"}}', 1, 3, 'must name a variable'],
  ])('refuses %j, which cannot render with single values, at %i:%i', (template, line, column, reason) => {
    const err = templateError(template);
    expect([err.line, err.column]).toEqual([line, column]);
    expect(err.reason).toContain(reason);
  });
});

describe('renderTemplate', () => {
  it('renders values as plain text, not HTML-escaped', () => {
    expect(renderTemplate('Hi {{name}} & {{{name}}}', [], { name: '<Ann & "Bo">' })).toBe(
      'Hi <Ann & "Bo"> & <Ann & "Bo">',
    );
  });

  it('renders numbers and booleans, including 0 and false', () => {
    expect(renderTemplate('{{n}} {{b}} {{#if b}}yes{{else}}no{{/if}}', [], { n: 0, b: false })).toBe('0 false no');
  });

  it('uses defaults, lets values override them, and renders optional variables without either as empty', () => {
    const declared = [
      { name: 'tone', required: true, default: 'friendly' },
      { name: 'lang', required: false, default: 'English' },
      { name: 'signature', required: false },
    ];
    const t = 'Be {{tone}}. Answer in {{lang}}.{{#if signature}} Sign as {{signature}}.{{/if}}|{{signature}}|';
    expect(renderTemplate(t, declared, {})).toBe('Be friendly. Answer in English.||');
    expect(renderTemplate(t, declared, { lang: 'French', signature: 'Max' })).toBe(
      'Be friendly. Answer in French. Sign as Max.|Max|',
    );
  });

  it('lists every missing required variable, sorted: declared ones and used-but-undeclared ones', () => {
    const declared = [
      { name: 'zone', required: true },
      { name: 'unusedButRequired', required: true },
      { name: 'opt', required: false },
    ];
    expect(missingNames(() => renderTemplate('{{zone}} {{beta}} {{alpha}} {{opt}}', declared, { other: 'x' }))).toEqual(
      ['alpha', 'beta', 'unusedButRequired', 'zone'],
    );
  });

  it('treats null as no value and never finds names on the object prototype', () => {
    const values = JSON.parse('{"name": null}') as Record<string, string>;
    expect(missingNames(() => renderTemplate('{{name}} {{constructor}}', [], values))).toEqual(['constructor', 'name']);
  });

  it('renders a cached template afresh for each set of values', () => {
    expect(renderTemplate('Hello {{who}}', [], { who: 'A' })).toBe('Hello A');
    expect(renderTemplate('Hello {{who}}', [], { who: 'B' })).toBe('Hello B');
  });
});
