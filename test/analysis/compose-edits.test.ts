import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ComposeDoc } from '../../server/src/analysis/compose-doc';
import { appendItem, deleteEntry, deleteItem, insertEntries, insertKey, isPlainSafe, rawYaml, renderScalar, replaceInScalar, replaceScalar, styleOf } from '../../server/src/analysis/compose-edits';
import type { ComposeNode } from '../../server/src/analysis/compose-node';
import { applyEdits } from '../../server/src/analysis/text';
import type { TextEdit } from '../../server/src/analysis/types';

/** Applies the edits built by `edit` on the node at `path` of `text`, and checks the result still parses. */
function edited(text: string, path: (string | number)[], edit: (node: ComposeNode) => TextEdit | TextEdit[] | undefined): string {
  const doc = new ComposeDoc(text);
  assert.ok(doc.usable, 'input parses');
  const node = doc.root?.at(...path);
  assert.ok(node, `node at ${path.join('.')}`);
  const edits = edit(node);
  assert.ok(edits, 'an edit was possible');
  const result = applyEdits(text, Array.isArray(edits) ? edits : [edits]);
  assert.ok(new ComposeDoc(result).usable, `result parses:\n${result}`);
  return result;
}

describe('insertKey', () => {
  it('appends to a block map at its indentation, after nested blocks and comments on the line', () => {
    const text = 'services:\n  web:\n    image: nginx:1  # pinned\n    ports:\n      - "80:80"\n\n  db:\n    image: postgres:16\n';
    assert.equal(edited(text, ['services', 'web'], (web) => insertKey(web, 'read_only', true)),
      'services:\n  web:\n    image: nginx:1  # pinned\n    ports:\n      - "80:80"\n    read_only: true\n\n  db:\n    image: postgres:16\n');
  });

  it('inserts after a named key', () => {
    const text = 'services:\n  web:\n    image: nginx:1\n    ports: ["80:80"]\n';
    assert.equal(edited(text, ['services', 'web'], (web) => insertKey(web, 'user', '1000:1000', { after: 'image' })),
      'services:\n  web:\n    image: nginx:1\n    user: "1000:1000"\n    ports: ["80:80"]\n');
  });

  it('renders lists and nested maps with the document\'s own indentation (4 spaces, dashes not indented)', () => {
    const text = 'services:\n    web:\n        image: nginx:1\n        ports:\n        - "80:80"\n';
    assert.deepEqual(styleOf(new ComposeDoc(text)), { indent: 4, sequenceIndent: 0 });
    assert.equal(edited(text, ['services', 'web'], (web) => insertKey(web, 'security_opt', ['no-new-privileges:true'])),
      text + '        security_opt:\n        - no-new-privileges:true\n');
    assert.equal(edited(text, ['services', 'web'], (web) => insertKey(web, 'deploy', { resources: { limits: { memory: '512M' } } })),
      text + '        deploy:\n            resources:\n                limits:\n                    memory: 512M\n');
  });

  it('writes new entries like their siblings where the service differs from the rest of the file', () => {
    // Most lists in the file sit at their key's column; web's own lists indent their dashes by two.
    const text = 'services:\n  a:\n    ports:\n    - "80:80"\n    volumes:\n    - ./a:/a\n  web:\n    ports:\n      - "81:80"\n    environment:\n        A: "1"\n';
    assert.deepEqual(styleOf(new ComposeDoc(text)), { indent: 2, sequenceIndent: 0 });
    assert.equal(edited(text, ['services', 'web'], (web) => insertKey(web, 'cap_drop', ['ALL'])), `${text}    cap_drop:\n      - ALL\n`);
    assert.equal(edited(text, ['services', 'web'], (web) => insertKey(web, 'deploy', { resources: { limits: { memory: '512M' } } })),
      `${text}    deploy:\n        resources:\n            limits:\n                memory: 512M\n`);
    // Service a writes lists like the file: unchanged.
    assert.equal(edited(text, ['services', 'a'], (a) => insertKey(a, 'cap_drop', ['ALL'])).split('\n').slice(0, 8).join('\n'),
      'services:\n  a:\n    ports:\n    - "80:80"\n    volumes:\n    - ./a:/a\n    cap_drop:\n    - ALL');
    // An empty `cap_drop:` in web is filled at web's dash column; a tie among siblings keeps the file's style.
    const empty = 'services:\n  a:\n    ports:\n    - "80:80"\n    volumes:\n    - ./a:/a\n  web:\n    ports:\n      - "81:80"\n    cap_drop:\n';
    assert.equal(edited(empty, ['services', 'web', 'cap_drop'], (list) => appendItem(list, 'ALL')), `${empty}      - ALL\n`);
    const tie = 'services:\n  web:\n    ports:\n      - "81:80"\n    volumes:\n    - ./a:/a\n';
    assert.equal(edited(tie, ['services', 'web'], (web) => insertKey(web, 'cap_drop', ['ALL'])), `${tie}    cap_drop:\n    - ALL\n`);
  });

  it('adds to a flow map and fills an empty value', () => {
    assert.equal(edited('services:\n  web: {image: "nginx:1"}\n', ['services', 'web'], (web) => insertKey(web, 'read_only', true)),
      'services:\n  web: {image: "nginx:1", read_only: true}\n');
    assert.equal(edited('services:\n  web:\n  db: {}\n', ['services', 'web'], (web) => insertKey(web, 'image', 'nginx:1')),
      'services:\n  web:\n    image: nginx:1\n  db: {}\n');
    assert.equal(edited('services:\n  db: {}\n', ['services', 'db'], (db) => insertKey(db, 'tmpfs', ['/tmp'])),
      'services:\n  db: {tmpfs: [/tmp]}\n');
  });

  it('keeps CRLF line breaks and works at the end of a file without a final newline', () => {
    assert.equal(edited('services:\r\n  web:\r\n    image: nginx:1', ['services', 'web'], (web) => insertKey(web, 'init', true)),
      'services:\r\n  web:\r\n    image: nginx:1\r\n    init: true');
  });

  it('inserts several entries as one edit, and top-level sections into the root map', () => {
    const text = 'services:\n  web:\n    image: nginx:1\n';
    assert.equal(edited(text, ['services', 'web'], (web) => insertEntries(web, { read_only: true, tmpfs: ['/tmp'] })),
      'services:\n  web:\n    image: nginx:1\n    read_only: true\n    tmpfs:\n      - /tmp\n');
    assert.equal(edited(text, [], (root) => insertKey(root, 'volumes', { pgdata: {} })), text + 'volumes:\n  pgdata: {}\n');
    assert.equal(edited('services:\n  web: {image: "x:1"}\n', ['services', 'web'], (web) => insertEntries(web, { read_only: true, tmpfs: ['/tmp'] })),
      'services:\n  web: {image: "x:1", read_only: true, tmpfs: [/tmp]}\n');
  });

  it('refuses maps that come through an alias or merge key', () => {
    const doc = new ComposeDoc('x: &x\n  a: 1\nservices:\n  web: *x\n');
    assert.equal(insertKey(doc.service('web')!.node, 'b', 2), undefined);
  });
});

describe('appendItem', () => {
  it('adds a block item after the last one, at the dash column', () => {
    const text = 'services:\n  web:\n    cap_drop:\n      - NET_RAW   # noisy\n    image: x:1\n';
    assert.equal(edited(text, ['services', 'web', 'cap_drop'], (list) => appendItem(list, 'ALL')),
      'services:\n  web:\n    cap_drop:\n      - NET_RAW   # noisy\n      - ALL\n    image: x:1\n');
  });

  it('extends flow lists (empty, trailing comma) and converts a single string', () => {
    assert.equal(edited('a: [x, y]\n', ['a'], (list) => appendItem(list, 'z')), 'a: [x, y, z]\n');
    assert.equal(edited('a: []\n', ['a'], (list) => appendItem(list, 'z')), 'a: [z]\n');
    assert.equal(edited('a: [x,]\n', ['a'], (list) => appendItem(list, 'z')), 'a: [x, z]\n');
    assert.equal(edited('a: [x]\n', ['a'], (list) => appendItem(list, 'no-new-privileges:true')), 'a: [x, no-new-privileges:true]\n');
    assert.equal(edited('a: [x]\n', ['a'], (list) => appendItem(list, 'a, b')), 'a: [x, "a, b"]\n');
    assert.equal(edited('tmpfs: /run\n', ['tmpfs'], (list) => appendItem(list, '/tmp')), 'tmpfs: [/run, /tmp]\n');
    assert.equal(edited("dns: '8.8.8.8'\n", ['dns'], (list) => appendItem(list, '1.1.1.1')), "dns: ['8.8.8.8', 1.1.1.1]\n");
  });

  it('fills an empty key with a block list indented like the document', () => {
    assert.equal(edited('services:\n  web:\n    cap_drop:\n    image: x:1\n', ['services', 'web', 'cap_drop'], (list) => appendItem(list, 'ALL')),
      'services:\n  web:\n    cap_drop:\n      - ALL\n    image: x:1\n');
  });

  it('adds a mapping item', () => {
    const text = 'volumes:\n  - type: bind\n    source: .\n    target: /app\n';
    assert.equal(edited(text, ['volumes'], (list) => appendItem(list, { type: 'volume', source: 'data', target: '/data' })),
      text + '  - type: volume\n    source: data\n    target: /data\n');
  });
});

describe('replaceScalar and replaceInScalar', () => {
  it('keep the quoting style', () => {
    assert.equal(edited('user: "root"\n', ['user'], (node) => replaceScalar(node, '1000')), 'user: "1000"\n');
    assert.equal(edited("user: 'root'\n", ['user'], (node) => replaceScalar(node, "it's")), "user: 'it''s'\n");
    assert.equal(edited('user: root # why\n', ['user'], (node) => replaceScalar(node, 'app')), 'user: app # why\n');
    assert.equal(edited('user: root\n', ['user'], (node) => replaceScalar(node, '1000:1000')), 'user: "1000:1000"\n', 'plain only when it stays a string');
    assert.equal(edited('user: root\n', ['user'], (node) => replaceScalar(node, '1000')), 'user: "1000"\n');
    assert.equal(edited('read_only: false\n', ['read_only'], (node) => replaceScalar(node, true)), 'read_only: true\n');
    assert.equal(edited('a: [x, y]\n', ['a', 1], (node) => replaceScalar(node, 'p,q')), 'a: [x, "p,q"]\n');
  });

  it('replace only the characters that change when the text maps onto the value', () => {
    assert.equal(edited('image: "postgres:latest" # db\n', ['image'], (node) => replaceInScalar(node, 9, 15, '16.4')), 'image: "postgres:16.4" # db\n');
    assert.equal(edited('image: postgres:latest\n', ['image'], (node) => replaceInScalar(node, 9, 15, '16.4')), 'image: postgres:16.4\n');
    assert.equal(edited('image: "a\\u0062:latest"\n', ['image'], (node) => replaceInScalar(node, 3, 9, '1')), 'image: "ab:1"\n', 'escapes: whole value rewritten');
  });

  it('refuse inherited values unless asked to edit the anchor', () => {
    const doc = new ComposeDoc('x: &u root\nservices:\n  web:\n    user: *u\n');
    const user = doc.service('web')!.get('user')!;
    assert.equal(replaceScalar(user, 'app'), undefined);
    assert.deepEqual(applyEdits(doc.text, [replaceScalar(user, 'app', { editAnchor: true })!]), 'x: &u app\nservices:\n  web:\n    user: *u\n');
  });
});

describe('deleteEntry and deleteItem', () => {
  it('delete a key with its nested lines and trailing comment, keeping comments above', () => {
    const text = 'services:\n  web:\n    # keep this comment\n    privileged: true # remove me\n    ports:\n      - "80:80"\n    image: x:1\n';
    assert.equal(edited(text, ['services', 'web', 'privileged'], deleteEntry), 'services:\n  web:\n    # keep this comment\n    ports:\n      - "80:80"\n    image: x:1\n');
    assert.equal(edited(text, ['services', 'web', 'ports'], deleteEntry), 'services:\n  web:\n    # keep this comment\n    privileged: true # remove me\n    image: x:1\n');
  });

  it('the first line of a file, without leaving a blank first line', () => {
    assert.equal(edited('version: "3.8"\n\nservices:\n  web:\n    image: x:1\n', ['version'], deleteEntry), 'services:\n  web:\n    image: x:1\n');
    assert.equal(edited('# header\nversion: "3.8"\nservices: {}\n', ['version'], deleteEntry), '# header\nservices: {}\n');
    assert.equal(edited('services: {}\n\nversion: "3"\n', ['version'], deleteEntry), 'services: {}\n\n');
    assert.equal(edited('services: {}\r\nversion: "3"', ['version'], deleteEntry), 'services: {}\r\n');
  });

  it('the only key of a block map leaves an empty map', () => {
    assert.equal(edited('services:\n  web:\n    privileged: true\n', ['services', 'web', 'privileged'], deleteEntry), 'services:\n  web: {}\n');
  });

  it('entries of flow maps and the first key of a list item', () => {
    assert.equal(edited('a: {x: 1, y: 2, z: 3}\n', ['a', 'y'], deleteEntry), 'a: {x: 1, z: 3}\n');
    assert.equal(edited('a: {x: 1, y: 2}\n', ['a', 'y'], deleteEntry), 'a: {x: 1}\n');
    assert.equal(edited('v:\n  - type: bind\n    source: .\n', ['v', 0, 'type'], deleteEntry), 'v:\n  - source: .\n');
    assert.equal(edited('v:\n  - type: bind\n  - x\n', ['v', 0, 'type'], deleteEntry), 'v:\n  - x\n');
  });

  it('list items: block, flow, last one', () => {
    const text = 'cap_add:\n  - NET_ADMIN\n  - SYS_ADMIN  # risky\n  - CHOWN\n';
    assert.equal(edited(text, ['cap_add', 1], deleteItem), 'cap_add:\n  - NET_ADMIN\n  - CHOWN\n');
    assert.equal(edited('cap_add: [A, B, C]\n', ['cap_add', 0], deleteItem), 'cap_add: [B, C]\n');
    assert.equal(edited('cap_add: [A, B, C]\n', ['cap_add', 2], deleteItem), 'cap_add: [A, B]\n');
    assert.equal(edited('cap_add:\n  - A\nimage: x\n', ['cap_add', 0], deleteItem), 'cap_add: []\nimage: x\n');
    assert.equal(edited('volumes:\n  - type: bind\n    source: .\n  - data:/d\n', ['volumes', 0], deleteItem), 'volumes:\n  - data:/d\n');
  });

  it('refuse entries that come through a merge key', () => {
    const doc = new ComposeDoc('x: &x\n  privileged: true\nservices:\n  web:\n    <<: *x\n');
    assert.equal(deleteEntry(doc.service('web')!.get('privileged')!), undefined);
  });
});

describe('scalar rendering', () => {
  it('quotes what YAML would read as another type or another structure', () => {
    assert.deepEqual(['nginx:1.27', '1000', 'true', 'yes', '~', '', 'a: b', '- x', '#x', 'x #y', '/tmp', 'no-new-privileges:true', '${VAR:?set it}'].map((v) => renderScalar(v)),
      ['nginx:1.27', '"1000"', '"true"', '"yes"', '"~"', '""', '"a: b"', '"- x"', '"#x"', '"x #y"', '/tmp', 'no-new-privileges:true', '${VAR:?set it}']);
    assert.equal(isPlainSafe('${A:-b}', true), false, 'braces and commas need quotes in flow context');
    assert.equal(renderScalar(8080), '8080');
    assert.equal(rawYaml('*anchor').text, '*anchor');
  });
});
