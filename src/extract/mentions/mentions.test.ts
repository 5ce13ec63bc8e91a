// Mention finding and resolution on sentences written for these tests: each resolution path, and the cases that
// must not link.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Mention } from '../../core/index.js'
import { analyzeMentions, findMentions, mergeLearnedAliases } from './index.js'
import { docOf } from './fixtures.js'

const at = (ms: Mention[], surface: string) => ms.filter((m) => m.surface === surface)
const one = (ms: Mention[], surface: string): Mention => {
  const hits = at(ms, surface)
  assert.equal(hits.length, 1, `one mention of ${surface}, got ${JSON.stringify(ms.map((m) => [m.surface, m.name, m.ruleId]))}`)
  return hits[0]!
}

test('lexicon: simplified, traditional, Taiwan and Hong Kong spellings reach one actor', () => {
  const cases: [string, string, string][] = [
    ['俄罗斯总统普京当天表示欢迎。', '普京', 'Vladimir Putin'],
    ['普丁當天表示歡迎。', '普丁', 'Vladimir Putin'],
    ['澤倫斯基當天發表講話。', '澤倫斯基', 'Volodymyr Zelenskyy'],
    ['川普在白宮接見記者。', '川普', 'Donald Trump'],
    ['當勞‧特朗普在記者會上發言。', '當勞‧特朗普', 'Donald Trump'],
    ['鄂夏柯夫隨後向媒體介紹情況。', '鄂夏柯夫', 'Yuri Ushakov'],
  ]
  for (const [text, surface, name] of cases) {
    const m = one(findMentions(docOf(text)), surface)
    assert.equal(m.name, name, text)
    assert.equal(m.how, 'lexicon')
    assert.equal(m.unresolved, false)
    assert.equal(text.slice(m.start, m.end), surface, 'the span points into the original text')
  }
})

test('lexicon: longest match, sentence index and sorted output', () => {
  const text = '会谈在沙特阿拉伯举行。美国总统唐纳德·特朗普随后发表讲话。'
  const ms = findMentions(docOf(text))
  assert.equal(one(ms, '沙特阿拉伯').name, 'Saudi Arabia')
  const trump = one(ms, '唐纳德·特朗普')
  assert.equal(trump.name, 'Donald Trump')
  assert.equal(trump.sentence, 1)
  assert.deepEqual(ms.map((m) => m.start), [...ms.map((m) => m.start)].sort((a, b) => a - b))
})

test('lexicon: a Latin alias matches only as a whole word', () => {
  const ms = findMentions(docOf('NATO官员说，NATOS不是一个组织。'))
  assert.equal(at(ms, 'NATO').length, 1)
})

test('short country forms: resolved next to another country form or before 方/军/总统, not inside 美元', () => {
  const ms = findMentions(docOf('美俄会谈在即，美方代表已经抵达。美元汇率上涨。'))
  const countries = ms.filter((m) => m.type === 'country').map((m) => [m.surface, m.name])
  assert.deepEqual(countries, [
    ['美', 'United States'],
    ['俄', 'Russia'],
    ['美方', 'United States'],
  ])
  assert.equal(findMentions(docOf('他用美元支付了费用。')).filter((m) => m.type === 'country').length, 0)
  assert.equal(findMentions(docOf('俄军继续推进。'))[0]?.name, 'Russian Armed Forces')
})

test('short surnames resolve with a title before them or after a fuller mention, else stay unresolved', () => {
  const titled = one(findMentions(docOf('法国外长巴罗当天表示支持。', '2025-02-13')), '巴罗')
  assert.equal(titled.name, 'Jean-Noël Barrot')
  assert.equal(titled.unresolved, false)
  const later = findMentions(docOf('让-诺埃尔·巴罗抵达基辅。巴罗随后会见了记者。'))
  assert.equal(at(later, '巴罗')[0]!.name, 'Jean-Noël Barrot')
  const bare = one(findMentions(docOf('巴罗当天表示支持。')), '巴罗')
  assert.equal(bare.actorId, null)
  assert.equal(bare.unresolved, true)
})

test('a short surname does not match inside a longer transliteration', () => {
  const ms = findMentions(docOf('前欧盟委员会主席巴罗佐表示。'))
  assert.equal(at(ms, '巴罗').length, 0)
})

test('bracket: an unknown Latin name makes a new actor named by it, and teaches the Chinese form', () => {
  const text = '丹麦学者约翰·史密森(John Smithson)表示，谈判很难。史密森还说，前景不明。'
  const r = analyzeMentions(docOf(text))
  const full = one(r.mentions, '约翰·史密森')
  assert.equal(full.how, 'bracket')
  assert.equal(full.name, 'John Smithson')
  assert.equal(full.actorId, 'new:john smithson')
  assert.equal(full.unresolved, true)
  assert.equal(full.country, 'Denmark')
  const later = one(r.mentions, '史密森')
  assert.equal(later.actorId, 'new:john smithson')
  assert.ok(r.learned.some((l) => l.match === '约翰·史密森'))
})

test('bracket: a known Latin name links a Chinese spelling the lexicon lacks; full-width brackets too', () => {
  const ms = findMentions(docOf('乌克兰外长锡比哈（Andriy Sybiga）当天抵达华沙。'))
  const m = one(ms, '锡比哈')
  assert.equal(m.name, 'Andrii Sybiha')
  assert.equal(m.how, 'bracket')
  assert.equal(m.unresolved, false)
})

test('bracket: surname and first initial find an actor whose Latin name has a middle initial', () => {
  const m = one(findMentions(docOf('时任中情局长伯恩思(William Burns)曾到访。')), '伯恩思')
  assert.equal(m.name, 'William J. Burns')
})

test('learned aliases merge across documents; a form two documents tie to different actors is dropped', () => {
  const a = analyzeMentions(docOf('芬兰学者卡尔·维尔塔宁(Karl Virtanen)表示支持。'))
  const b = analyzeMentions(docOf('芬兰学者卡尔·维尔塔宁(Karl Virtanen)再次发声。'))
  const c = analyzeMentions(docOf('挪威学者卡尔·维尔塔宁(Karl Virtamo)也发声。'))
  const merged = mergeLearnedAliases([a.learned, b.learned])
  assert.ok(merged.some((m) => m.match === '卡尔·维尔塔宁' && m.documents === 2))
  assert.ok(merged.some((m) => m.match === '维尔塔宁' && m.part === 'surname'))
  const later = findMentions(docOf('维尔塔宁说，谈判很难。'), { learned: merged })
  assert.equal(one(later, '维尔塔宁').name, 'Karl Virtanen')
  assert.equal(mergeLearnedAliases([a.learned, c.learned]).length, 0)
})

test('title: the holder on the document date — Blinken before 2025-01-21, Rubio after', () => {
  const before = one(findMentions(docOf('美国国务卿卜林根当天抵达利雅得。', '2024-06-01')), '卜林根')
  assert.equal(before.name, 'Antony Blinken')
  assert.equal(before.how, 'title')
  const after = one(findMentions(docOf('美国国务卿卢彼欧当天抵达利雅得。', '2025-03-01')), '卢彼欧')
  assert.equal(after.name, 'Marco Rubio')
  assert.equal(after.how, 'title')
})

test('title: the country of a title that needs one comes from the words before it (白宫 + 安全顾问, 瑞典 + 国家安全顾问)', () => {
  const m = one(findMentions(docOf('白宫安全顾问沃尔茨当天表示。', '2025-03-01')), '沃尔茨')
  assert.equal(m.name, 'Mike Waltz')
  assert.equal(m.how, 'title')
  const se = one(findMentions(docOf('瑞典国家安全顾问兰德霍尔默当天出席论坛。', '2024-01-25')), '兰德霍尔默')
  assert.equal(se.name, 'Henrik Landerholm')
})

test('title: a name far from the holder makes a new actor of the title country, never the holder', () => {
  const m = one(findMentions(docOf('美国国务卿史密斯当天表示。', '2025-03-01')), '史密斯')
  assert.notEqual(m.name, 'Marco Rubio')
  assert.equal(m.how, 'new')
  assert.equal(m.unresolved, true)
  assert.equal(m.country, 'United States')
  // The same name on a date when another holder served is still not that holder.
  assert.notEqual(one(findMentions(docOf('美国国务卿鲁比欧当天表示。', '2024-06-01')), '鲁比欧').name, 'Antony Blinken')
})

test('title without a date: accepted only when the name sounds like an alias of some holder', () => {
  assert.equal(one(findMentions(docOf('美國國務卿魯比歐當天表示。')), '魯比歐').name, 'Marco Rubio')
  assert.equal(one(findMentions(docOf('美国国务卿布兰克当天表示。')), '布兰克').how, 'new')
})

test('phonetic: a variant spelling next to its country resolves; without the country it does not', () => {
  const m = one(findMentions(docOf('乌克兰领导人泽林斯基当天表示。')), '泽林斯基')
  assert.equal(m.name, 'Volodymyr Zelenskyy')
  assert.equal(m.how, 'phonetic')
  const alone = one(findMentions(docOf('政治分析师泽林斯基当天表示。')), '泽林斯基')
  assert.equal(alone.how, 'new')
})

test('new: a dotted name nothing explains is a new, unresolved person with the country of its clause', () => {
  const m = one(findMentions(docOf('俄罗斯经济学家伊万·彼得罗夫说，制裁有效。')), '伊万·彼得罗夫')
  assert.equal(m.how, 'new')
  assert.equal(m.type, 'person')
  assert.equal(m.unresolved, true)
  assert.equal(m.country, 'Russia')
  // The name shown is the surface as written; a romanisation is only a guess beside it.
  assert.equal(m.name, '伊万·彼得罗夫')
  // A guess, spelled from known parts of names: compared without diacritics.
  assert.equal(m.guess?.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''), 'Ivan Petrov')
  assert.equal(m.actorId, 'new:伊万·彼得罗夫')
})

test('new: given names follow the lexicon by country (亚历山大 in Ukraine is Oleksandr)', () => {
  const ua = one(findMentions(docOf('乌克兰议员亚历山大·科瓦连科表示。')), '亚历山大·科瓦连科')
  assert.match(ua.guess ?? '', /^Oleksandr /)
  const ru = one(findMentions(docOf('俄罗斯学者亚历山大·科瓦连科表示。')), '亚历山大·科瓦连科')
  assert.match(ru.guess ?? '', /^Alexander /)
  // Both are shown as written; the same surface is the same unresolved actor.
  assert.equal(ru.name, '亚历山大·科瓦连科')
  assert.equal(ua.actorId, ru.actorId)
})

test('ambiguous aliases: chosen by the title before them, else left unresolved', () => {
  const speaker = one(findMentions(docOf('美国众议院议长约翰逊当天表示支持。', '2025-02-20')), '约翰逊')
  assert.equal(speaker.name, 'Mike Johnson')
  const pm = one(findMentions(docOf('英国前首相约翰逊当天访问基辅。', '2025-02-20')), '约翰逊')
  assert.equal(pm.name, 'Boris Johnson')
  const bare = one(findMentions(docOf('约翰逊当天表示支持。', '2025-02-20')), '约翰逊')
  assert.equal(bare.actorId, null)
  assert.equal(bare.unresolved, true)
})

test('a bare role title names the holder; a title before a name nobody can read names nobody', () => {
  const ms = findMentions(docOf('俄罗斯外长当天表示，会谈富有成效。', '2025-05-20'))
  assert.equal(one(ms, '俄罗斯外长').name, 'Sergey Lavrov')
  assert.equal(one(ms, '俄罗斯外长').how, 'coref')
  const unreadable = findMentions(docOf('美国国务卿鲁必欧当天表示。', '2025-03-01'))
  assert.ok(!unreadable.some((m) => m.type === 'person'), JSON.stringify(unreadable.map((m) => m.surface)))
})
