import { luceneQuery } from '../../src/graphql/translate/search';
import { Gazetteer } from '../../src/ingest/extractors/gazetteer';
import { linkMentions } from '../../src/ingest/extractors/mentions';
import { guessLanguage } from '../../src/ingest/nlp/language';
import { sentences } from '../../src/ingest/nlp/sentences';
import { slug } from '../../src/ingest/slug';
import { NameIndex, normalizeName } from '../../src/model/entity-resolution';
import { luceneForSpellings, matchSpans, tokenize } from '../../src/model/text-search';

// Names in any script through the model, search's queries and the ingester's linking (issue 27, item 6).

const KNOWN = [
  { id: 'org:unesco', type: 'Organization', name: 'UNESCO', spellings: ['联合国教科文组织'] },
  { id: 'org:ichei', type: 'Organization', name: 'ICHEI', spellings: ['联合国教科文组织高等教育创新中心'] },
  { id: 'country:china', type: 'Country', name: 'China', spellings: ['中国'] },
  { id: 'org:huawei', type: 'Organization', name: 'Huawei', spellings: ['华为'] },
];

describe('folding names in any script', () => {
  it('keeps Chinese, Cyrillic and Greek letters, folds full-width forms and accents as before', () => {
    expect(normalizeName('联合国教科文组织')).toBe('联合国教科文组织');
    expect(normalizeName('斯蒂芬尼娅·贾尼尼')).toBe('斯蒂芬尼娅 贾尼尼');
    expect(normalizeName('ＩＣＨＥＩ（深圳）')).toBe('ichei 深圳');
    expect(normalizeName('Министерство образования')).toBe('министерство образования');
    expect(normalizeName('The Université de Genève')).toBe('universite de geneve');
  });

  it('tells a Chinese alias of one entity from another, and catches the same alias on two entities', () => {
    const index = new NameIndex();
    expect(index.add('联合国教科文组织', 'org:unesco')).toBeUndefined();
    expect(index.add('世界银行', 'org:world-bank')).toBeUndefined();
    expect(index.add('联合国教科文组织', 'org:other')).toBe('org:unesco');
    expect(index.resolve('联合国教科文组织')).toBe('org:unesco');
  });

  it('makes each Chinese character a word, at its offsets, and keeps other scripts in words', () => {
    expect(tokenize('由UNESCO（教科文）主办')).toEqual([
      { word: '由', start: 0, end: 1 },
      { word: 'unesco', start: 1, end: 7 },
      { word: '教', start: 8, end: 9 },
      { word: '科', start: 9, end: 10 },
      { word: '文', start: 10, end: 11 },
      { word: '主', start: 12, end: 13 },
      { word: '办', start: 13, end: 14 },
    ]);
    // A character outside the basic plane is one word of two code units, never cut in two.
    expect(tokenize('𠀀中')).toEqual([
      { word: '𠀀', start: 0, end: 2 },
      { word: '中', start: 2, end: 3 },
    ]);
  });

  it('matches a Chinese spelling in evidence only as the run of its characters', () => {
    const words = tokenize('教科文').map((t) => t.word);
    expect(matchSpans('联合国教科文组织在文科教学中', [words])).toEqual([
      { start: 3, end: 4 },
      { start: 4, end: 5 },
      { start: 5, end: 6 },
    ]);
    expect(matchSpans('文科教学', [words])).toEqual([]);
    expect(luceneForSpellings([words, ['unesco']])).toBe('"教 科 文" OR (unesco)');
  });

  it('asks the name index for a Chinese name as a phrase, which the standard analyzer splits into characters', () => {
    expect(luceneQuery('联合国教科文组织', 'AND')).toBe('"联合国教科文组织"^3');
    expect(luceneQuery('教科文 UNESCO', 'OR')).toBe('"教科文"^3 OR (unesco^3 OR unesco*^2 OR unesco~1)');
  });
});

describe('ids, sentences and language for Chinese text', () => {
  it('makes ids of Chinese names from their pinyin, distinct and ASCII', () => {
    expect(slug('南方科技大学')).toBe('nanfangkejidaxue');
    expect(slug('2024世界数字教育大会')).toBe('2024-shijieshuzijiaoyudahui');
    expect(slug('北京大学')).not.toBe(slug('浙江大学'));
  });

  it('splits sentences at 。！？ with exact offsets, an opening quote going with the sentence it opens', () => {
    const text = '教育部主办会议。他说：“合作！”真的吗？是的。“研修班”开班。\n\n第二段';
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual(['教育部主办会议。', '他说：“合作！”', '真的吗？', '是的。', '“研修班”开班。', '第二段']);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('guesses Chinese for a text mostly in Chinese characters, English otherwise', () => {
    expect(guessLanguage('联合国教科文组织（UNESCO）与国际电信联盟（ITU）举办会议。')).toBe('zh');
    expect(guessLanguage('UNESCO met 华为 in Paris for the Mobile Learning Week.')).toBe('en');
    expect(guessLanguage('2024')).toBe('en');
  });
});

describe('linking Chinese mentions through aliases', () => {
  const gazetteer = new Gazetteer(KNOWN);

  it('links aliases inside text with no spaces, the longest spelling first', () => {
    const text = '联合国教科文组织高等教育创新中心与联合国教科文组织、华为公司在中国深圳举办研修班。';
    const found = linkMentions(text, gazetteer).map((m) => [m.surface, m.entity, m.start, m.match]);
    expect(found).toEqual([
      ['联合国教科文组织高等教育创新中心', 'org:ichei', 0, 'exact'],
      ['联合国教科文组织', 'org:unesco', 17, 'exact'],
      ['华为', 'org:huawei', 26, 'exact'],
      ['中国', 'country:china', 31, 'exact'],
    ]);
    for (const m of linkMentions(text, gazetteer)) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('links no Chinese name one character away: typo variants are for long Latin names only', () => {
    expect(linkMentions('华力公司和中図在会上发言。', gazetteer)).toEqual([]);
    expect(linkMentions('联合国教科文组织', gazetteer).map((m) => m.quote)).toEqual(['联合国教科文组织']);
  });
});
