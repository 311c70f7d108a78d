import { chineseNames } from '../../../src/ingest/extractors/chinese-names';
import type { HanlpTerm } from '../../../src/ingest/nlp/hanlp';

// The naming rules over HanLP's words, on words written here as HanLP gives them ("word/tag"), so with no Java; the
// real HanLP is in tests/integration/hanlp.int.test.ts.

/** A text and its terms from "word/tag" pairs, with their offsets. */
function termsOf(tagged: string): { text: string; terms: HanlpTerm[] } {
  let text = '';
  const terms = tagged.split(' ').map((pair) => {
    const cut = pair.lastIndexOf('/');
    const word = pair.slice(0, cut);
    const term = { word, start: text.length, end: text.length + word.length, tag: pair.slice(cut + 1) };
    text += word;
    return term;
  });
  return { text, terms };
}

const names = (tagged: string) => {
  const { text, terms } = termsOf(tagged);
  return chineseNames(text, terms).map((n) => {
    expect(text.slice(n.start, n.end)).toBe(n.name);
    return [n.name, n.type, n.kind ?? null];
  });
};

describe('Chinese names from HanLP words', () => {
  it('types people, places and organizations by tag and ending, taking the nouns and place before an organization', () => {
    expect(names('国务院/nt 副总理/nnt 丁薛祥/nr 在/p 北京/ns 国家/n 会议中心/nis 出席/v 。/w')).toEqual([
      ['国务院', 'Organization', 'government_body'],
      ['丁薛祥', 'Person', null],
      ['北京', 'Place', 'city'],
      ['国家会议中心', 'Place', 'venue'],
    ]);
    expect(names('由/p 中国/ns 教育/vn 科学研究院/nt 和/cc 深圳市/ns 教育局/nis 编写/v')).toEqual([
      ['中国教育科学研究院', 'Organization', 'university'],
      ['深圳市教育局', 'Organization', 'government_body'],
    ]);
  });

  it("trusts HanLP's dictionary subtypes, and drops generic words, determiners and words with no name's ending", () => {
    expect(names('华为/nt 、/w 腾讯/ntc 等/udeng 企业/n')).toEqual([['腾讯', 'Organization', 'company']]);
    expect(names('该中心/nt 与/cc 国际组织/nt 和/cc 数字时代/nt 的/ude1 深圳总部/nt')).toEqual([]);
    expect(names('上海市教育委员会/nt 主办/v')).toEqual([['上海市教育委员会', 'Organization', 'government_body']]);
  });

  it('reads events and programmes written as nouns or quoted, an edition with its year and the series without it', () => {
    expect(names('2024/m 世界/n 数字/n 教育/vn 大会/n 开幕/vi 。/w 世界数字教育大会/nt 每年/t 举办/v')).toEqual([
      ['2024世界数字教育大会', 'Event', 'conference'],
      ['世界数字教育大会', 'EventSeries', null],
    ]);
    expect(names('“/w 数字化/vn 能力/n 建设/vn 计划/n ”/w 和/cc 高等教育/n 分/qt 论坛/n')).toEqual([['数字化能力建设计划', 'Programme', 'programme']]);
    expect(names('世界/n 慕课/n 与/cc 在线/vn 教育/vn 大会/n 发布/v 全球/n 数字/n 教育/vn 合作/vn 倡议/n')).toEqual([
      ['世界慕课与在线教育大会', 'Event', 'conference'],
      ['全球数字教育合作倡议', 'Initiative', null],
    ]);
    expect(names('教育部/nt 与/cc 联合国/nt 签署/v 协议/n')).toEqual([['教育部', 'Organization', 'government_body']]);
  });

  it('finds a name cut into characters after a title, and a reporter in a byline, but no person glued to a place', () => {
    expect(names('北京/ns 师范大学/nis 教授/nnt 张/q 伟/ag ，/w 主持/v')).toEqual([
      ['北京师范大学', 'Organization', 'university'],
      ['张伟', 'Person', null],
    ]);
    expect(names('（/w 记者/nnt 　/w 张/q 明/ag ）/w')).toEqual([['张明', 'Person', null]]);
    expect(names('日本/ns 文部/nr 科学/n 省/n')).toEqual([['日本', 'Place', 'city']]);
  });
});
