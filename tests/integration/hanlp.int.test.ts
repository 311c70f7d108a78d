import fs from 'node:fs';
import path from 'node:path';
import { chineseExtractor } from '../../src/ingest/extractors/chinese';
import { mentionExtractor } from '../../src/ingest/extractors/mentions';
import { Gazetteer, knownEntities, ofKind } from '../../src/ingest/index';
import { annotateChinese, HanlpError, hanlpUrl, stopHanlp } from '../../src/ingest/nlp/hanlp';
import { annotate } from '../../src/ingest/pipeline/annotate';
import { extract } from '../../src/ingest/pipeline/extract';
import { analyse } from '../../src/ingest/pipeline/run';
import { segment } from '../../src/ingest/pipeline/segment';
import { extractText } from '../../src/ingest/source/extract-text';
import { PROJECT_ROOT } from '../../src/project-root';

// The real HanLP (resolved from Maven Central, run by the JDK): no mock. Without Java or Maven these tests fail, loudly.

const SEED = path.join(PROJECT_ROOT, 'seed');
const FORUM = fs.readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'chinese', 'zh-forum.txt'), 'utf8');
const POSTS = '国务院副总理丁薛祥出席开幕式。王希勤，清华大学校长，主持了论坛。联合国教科文组织助理总干事斯蒂芬尼娅·贾尼尼通过视频致辞。';
const read = (text: string) => extractText({ file: 'test.txt', format: 'text', raw: text });

afterAll(() => stopHanlp());

describe('HanLP beside the ingester', () => {
  it('starts on a loopback port and gives words with exact offsets and name tags', async () => {
    expect(await hanlpUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { terms } = await annotateChinese(POSTS);
    for (const t of terms) expect(POSTS.slice(t.start, t.end)).toBe(t.word);
    const tagged = Object.fromEntries(terms.map((t) => [t.word, t.tag]));
    expect(tagged['丁薛祥']).toMatch(/^nr/);
    expect(tagged['国务院']).toMatch(/^nt/);
    expect(tagged['副总理']).toBe('nnt');
  });

  it('uses the server HANLP_URL names, and says clearly when it cannot be reached', async () => {
    const own = await hanlpUrl();
    process.env.HANLP_URL = own;
    try {
      expect((await annotateChinese('教育部')).terms.map((t) => t.word)).toEqual(['教育部']);
      process.env.HANLP_URL = 'http://127.0.0.1:9';
      await expect(annotateChinese('教育部')).rejects.toThrow(HanlpError);
      await expect(annotateChinese('教育部')).rejects.toThrow(/HanLP server at http:\/\/127\.0\.0\.1:9 cannot be reached/);
      process.env.HANLP_URL = 'not a url';
      expect(() => hanlpUrl()).toThrow(/HANLP_URL "not a url" is not an http\(s\) URL/);
    } finally {
      delete process.env.HANLP_URL;
    }
  });

  it('annotates only documents in Chinese, and only when asked', async () => {
    const english = segment('doc:en', read('UNESCO met in Paris.'));
    expect(english.language).toBe('en');
    expect((await annotate(english)).hanlp).toBeUndefined();
    const chinese = segment('doc:zh', read(FORUM));
    expect(chinese.language).toBe('zh');
    expect((await annotate(chinese, { hanlp: false })).hanlp).toBeUndefined();
    expect((await annotate(chinese)).hanlp!.terms.length).toBeGreaterThan(10);
  });
});

describe('the Chinese extractor, on HanLP', () => {
  it('proposes people, organizations, places and events at exact offsets, and links the known names instead', async () => {
    const proposals = await analyse('doc:zh', read(FORUM), new Gazetteer(knownEntities(SEED)));
    const entities = proposals.entities.map((c) => [c.entity.name, c.entity.type, c.entity.id]);
    expect(entities).toEqual(
      expect.arrayContaining([
        ['清华大学', 'Organization', 'org:qinghuadaxue'],
        ['高等教育数字化论坛', 'Event', 'event:gaodengjiaoyushuzihualuntan'],
        ['北京', 'Place', 'place:beijing'],
        ['王希勤', 'Person', 'person:wangxiqin'],
      ]),
    );
    // Known names are linked, not proposed again.
    expect(proposals.mentions.map((m) => m.entity).sort()).toEqual(['org:unesco', 'org:world-bank']);
    expect(entities.map(([name]) => name)).not.toContain('联合国教科文组织');
    for (const c of proposals.entities) expect(FORUM.slice(c.start, c.end)).toBe(c.quote);
    for (const m of proposals.mentions) expect(FORUM.slice(m.start, m.end)).toBe(m.surface);
  });

  it('reads the posts people hold, before or after their names, into HOLDS_POST with the title as written', async () => {
    const proposals = await analyse('doc:zh', read(POSTS), new Gazetteer(knownEntities(SEED)));
    const posts = proposals.relationships.map((c) => [c.relationship.type, c.relationship.from, c.relationship.to, c.relationship.properties.title]);
    expect(posts).toEqual(
      expect.arrayContaining([
        ['HOLDS_POST', 'person:dingxuexiang', 'org:guowuyuan', '副总理'],
        ['HOLDS_POST', 'person:wangxiqin', 'org:qinghuadaxue', '校长'],
        ['HOLDS_POST', 'person:sidifenniya-jianini', 'org:unesco', '助理总干事'],
      ]),
    );
  });

  it('keeps the extractor contract: its declared kinds, offsets and quotes, confidence, the same answer twice, nothing changed', async () => {
    const gazetteer = new Gazetteer(knownEntities(SEED));
    const document = await annotate(segment('doc:zh', read(`${FORUM}\n${POSTS}`)));
    const before = JSON.stringify(document);
    const found = extract(document, gazetteer, []);
    const mentionsFirst = extract(document, gazetteer, [mentionExtractor]);
    const own = chineseExtractor.extract(document, { known: gazetteer, found: mentionsFirst });
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c) => c.kind))).toEqual(new Set(chineseExtractor.kinds));
    for (const c of own) {
      expect(document.text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.reason.length).toBeGreaterThan(0);
    }
    expect(chineseExtractor.extract(document, { known: gazetteer, found: mentionsFirst })).toEqual(own);
    expect(JSON.stringify(document)).toBe(before);
    expect(found).toEqual([]);
    // Without HanLP's words (rules only, or another language) it proposes nothing.
    expect(chineseExtractor.extract({ ...document, hanlp: undefined }, { known: gazetteer, found: [] })).toEqual([]);
    expect(ofKind(own, 'entity').every((c) => c.entity.evidence[0]!.quote.includes(c.quote))).toBe(true);
  });
});
