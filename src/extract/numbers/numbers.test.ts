import { test } from 'node:test'
import assert from 'node:assert/strict'
import { NumberFact } from '../../core/extraction.js'
import { findNumbers, readQualifiers, readUnits } from './index.js'
import { matchingView } from '../../normalize/matching.js'
import { readTsv } from '../../lexicon/load.js'

/** All facts of a one-sentence text, checked against the schema and their spans. */
function facts(text: string): NumberFact[] {
  const out = findNumbers(text, [{ start: 0, end: text.length }])
  for (const f of out) {
    NumberFact.parse(f)
    assert.equal(text.slice(f.start, f.end), f.surface)
  }
  return out
}
function one(text: string): NumberFact {
  const out = facts(text)
  assert.equal(out.length, 1, `${text}: ${out.map((f) => f.surface).join(', ')}`)
  return out[0]!
}
const brief = (f: NumberFact): [string, number, string, string | null] => [f.surface, f.value, f.unit, f.qualifier]

test('number-units.tsv and number-qualifiers.tsv are sorted and unique', () => {
  const units = readUnits().map((u) => `${u.surface}\t${u.position}`)
  assert.deepEqual(units, [...new Set(units)].sort())
  const quals = readQualifiers().map((q) => `${q.surface}\t${q.position}`)
  assert.deepEqual(quals, [...new Set(quals)].sort())
  const cues = readTsv('number-cues.tsv').rows.map((r) => `${r.kind}\t${r.word}`)
  assert.deepEqual(cues, [...new Set(cues)].sort())
  assert.ok(readTsv('number-cues.tsv').rows.every((r) => r.kind === 'plan-noun' || r.kind === 'year-noun'))
})

test('durations in minutes, hours, days, weeks and months', () => {
  assert.deepEqual(brief(one('双方会谈进行了120分钟。')), ['120分钟', 120, 'minute', null])
  assert.deepEqual(brief(one('两国外长的会晤持续了两个半小时。')), ['两个半小时', 2.5, 'hour', null])
  assert.deepEqual(brief(one('代表团在当地停留了三天半。')), ['三天半', 3.5, 'day', null])
  assert.deepEqual(brief(one('培训为期3周。')), ['3周', 3, 'week', null])
  assert.deepEqual(brief(one('援助计划将延长六个月。')), ['六个月', 6, 'month', null])
  assert.deepEqual(brief(one('会议只开了半小时。')), ['半小时', 0.5, 'hour', null])
  assert.deepEqual(brief(one('谈判已经进行了两个多小时。')), ['两个多小时', 2, 'hour', 'over'])
  assert.deepEqual(brief(one('停火持续了一个半月。')), ['一个半月', 1.5, 'month', null])
  assert.equal(one('边境口岸关闭了十天。').ruleId, 'number.duration')
})

test('a duration in two units is one fact in the smaller unit', () => {
  assert.deepEqual(brief(one('谈判进行了约3小时20分钟。')), ['约3小时20分钟', 200, 'minute', 'about'])
  assert.deepEqual(brief(one('他被关押了长达1年零3个月。')), ['1年零3个月', 15, 'month', null])
  assert.deepEqual(facts('问题要十天半个月才能解决。').map(brief), [['十天', 10, 'day', null], ['半个月', 0.5, 'month', null]])
})

test('a year or day count is a duration only with a cue', () => {
  assert.deepEqual(brief(one('这场战争已持续了四年。')), ['四年', 4, 'year', null])
  assert.deepEqual(brief(one('两国关系长达5年的冻结终于结束。')), ['5年', 5, 'year', null])
  assert.deepEqual(brief(one('过去两年来，谈判多次中断。')), ['两年', 2, 'year', null])
  assert.deepEqual(brief(one('他在狱中度过了两年半。')), ['两年半', 2.5, 'year', null])
  assert.deepEqual(brief(one('制裁实施3年多来，效果有限。')), ['3年多', 3, 'year', 'over'])
  assert.deepEqual(brief(one('演习为期7日。')), ['7日', 7, 'day', null])
  assert.equal(one('冲突持续了三年。').ruleId, 'number.duration.cued')
  assert.deepEqual(facts('他3年前曾访问该国，5年后再次前往。'), []) // relative times
})

test('percentages: signs, words, fractions and halves', () => {
  assert.deepEqual(brief(one('该党在民调中获得了42.5%的支持。')), ['42.5%', 42.5, 'percent', null])
  const words = one('百分之六十的受访者表示反对。')
  assert.deepEqual(brief(words), ['百分之六十', 60, 'percent', null])
  assert.equal(words.ruleId, 'number.percent.words')
  const third = one('约三分之二的选民参加了投票。')
  assert.deepEqual(brief(third), ['约三分之二', 66.67, 'percent', 'about'])
  assert.equal(third.ruleId, 'number.percent.fraction')
  assert.equal(one('该国失去了四分之一的农田。').value, 25)
  assert.equal(one('政府削减了十分之一预算。').value, 10)
  const half = one('近一半的居民已经撤离。')
  assert.deepEqual(brief(half), ['近一半', 50, 'percent', 'nearly'])
  assert.equal(half.ruleId, 'number.percent.half')
  assert.deepEqual(brief(one('通胀率一度超过百分之八。')), ['超过百分之八', 8, 'percent', 'over'])
  assert.equal(one('报告称千分之三的样本有问题。').value, 0.3)
})

test('money: currencies, 万 and 亿, currency before the number', () => {
  assert.deepEqual(brief(one('欧盟宣布提供3000万欧元人道援助。')), ['3000万欧元', 30000000, 'EUR', null])
  assert.deepEqual(brief(one('这笔交易价值5亿元人民币。')), ['5亿元人民币', 500000000, 'CNY', null])
  assert.deepEqual(brief(one('该国将获得约20亿美元贷款。')), ['约20亿美元', 2000000000, 'USD', 'about'])
  assert.deepEqual(brief(one('双方签署了人民币1.2万亿元的协议。')), ['人民币1.2万亿元', 1.2e12, 'CNY', null])
  assert.deepEqual(brief(one('法院判处其罚款500万卢布。')), ['500万卢布', 5000000, 'RUB', null])
  assert.deepEqual(brief(one('乌方拨款两百亿格里夫纳。')), ['两百亿格里夫纳', 20000000000, 'UAH', null])
  assert.equal(one('援助总额达1,250万美元。').value, 12500000)
  assert.equal(one('1100亿美元').ruleId, 'number.money')
})

test('counts of people and things', () => {
  assert.deepEqual(brief(one('双方各释放了250名士兵。')), ['250名', 250, 'person', null])
  assert.deepEqual(brief(one('爆炸造成至少47人死亡。')), ['至少47人', 47, 'person', 'at-least'])
  const drones = facts('俄军夜间发射了120架无人机和8枚导弹。')
  assert.deepEqual(drones.map(brief), [['120架', 120, 'count', null], ['8枚', 8, 'count', null]])
  assert.equal(drones[0]!.ruleId, 'number.count')
  assert.deepEqual(brief(one('两艘军舰驶入港口。')), ['两艘', 2, 'count', null])
  assert.deepEqual(brief(one('3000余人参加了集会。')), ['3000余人', 3000, 'person', 'over'])
  assert.deepEqual(brief(one('有100多名记者到场。')), ['100多名', 100, 'person', 'over'])
  assert.deepEqual(brief(one('示威者达到两万人。')), ['两万人', 20000, 'person', null])
})

test('magnitudes after a qualifier, and bare 百/千/万 with one', () => {
  assert.deepEqual(brief(one('战事已致十多万人流离失所。')), ['十多万人', 100000, 'person', 'over'])
  assert.deepEqual(brief(one('项目耗资两千多万美元。')), ['两千多万美元', 20000000, 'USD', 'over'])
  assert.deepEqual(brief(one('现场聚集了百余人。')), ['百余人', 100, 'person', 'over'])
  assert.deepEqual(brief(one('近千人参加了游行。')), ['近千人', 1000, 'person', 'nearly'])
  assert.deepEqual(brief(one('冲突已致逾万人伤亡。')), ['逾万人', 10000, 'person', 'over'])
  assert.deepEqual(brief(one('会场来了20来人。')), ['20来人', 20, 'person', 'about'])
})

test('distances and areas', () => {
  assert.deepEqual(brief(one('部队后撤15公里。')), ['15公里', 15, 'km', null])
  assert.deepEqual(brief(one('俄军控制了约2000平方公里的土地。')), ['约2000平方公里', 2000, 'km2', 'about'])
  assert.deepEqual(brief(one('前线长达1000多公里。')), ['1000多公里', 1000, 'km', 'over'])
  assert.equal(one('车队停在500米外。').value, 0.5)
})

test('every qualifier in the lexicon is read where it stands', () => {
  const cases: Array<[string, string]> = [
    ['会谈持续了大约40分钟。', 'about'], ['会谈持续了约40分钟。', 'about'], ['会谈持续了40分钟左右。', 'about'],
    ['会谈持续了近40分钟。', 'nearly'], ['会谈持续了将近40分钟。', 'nearly'], ['会谈持续了接近40分钟。', 'nearly'],
    ['损失超过30%。', 'over'], ['损失逾30%。', 'over'], ['损失30%以上。', 'over'], ['有30多名伤员。', 'over'],
    ['至少30人受伤。', 'at-least'], ['最多30人受伤。', 'at-most'], ['不到30人受伤。', 'under'], ['不足30人受伤。', 'under'],
  ]
  for (const [text, q] of cases) assert.equal(one(text).qualifier, q, text)
  assert.equal(one('最近3天局势紧张。').qualifier, null) // 最近 is recent, not 近 = nearly
  assert.equal(one('最近3天局势紧张。').surface, '3天')
  assert.equal(one('北约32个成员国一致同意。').qualifier, null) // 北约 is NATO, not 约 = about
  assert.equal(one('北约32个成员国一致同意。').surface, '32个')
})

test('normalized: durations in minutes under a day, days above; shares in words to percent', () => {
  assert.deepEqual(one('通话持续了一个半小时。').normalized, { value: 90, unit: 'minute' })
  assert.deepEqual(one('会议历时5.5小时。').normalized, { value: 330, unit: 'minute' })
  assert.deepEqual(one('通话约1小时。').normalized, { value: 60, unit: 'minute' })
  assert.deepEqual(one('培训为期两周。').normalized, { value: 14, unit: 'day' })
  assert.deepEqual(one('停火持续了36小时。').normalized, { value: 1.5, unit: 'day' })
  assert.deepEqual(one('冲突持续了两年。').normalized, { value: 730, unit: 'day' })
  assert.equal(one('会谈进行了45分钟。').normalized, null)
  assert.equal(one('休战为期10天。').normalized, null)
  assert.deepEqual(one('五分之一的人口').normalized, { value: 20, unit: 'percent' })
  assert.deepEqual(one('百分之四十').normalized, { value: 40, unit: 'percent' })
  assert.equal(one('40%的人口').normalized, null)
  assert.equal(one('2亿美元').normalized, null)
})

test('about: the noun phrase the number measures', () => {
  assert.equal(one('双方宣布实施为期60天的临时停火。').about, '临时停火')
  assert.equal(one('约三分之二的选民参加了投票。').about, '选民')
  assert.equal(one('俄军占领了约五分之一的乌克兰领土。').about, '乌克兰领土')
  assert.equal(one('莫斯科控制着四分之一乌克兰领土。').about, '乌克兰领土')
  assert.equal(one('外界估计乌克兰领土的18%已被占领。').about, '乌克兰领土')
  assert.equal(one('双方的通话持续了约两小时。').about, '通话')
  assert.equal(one('这场战争已持续了四年。').about, '战争')
  assert.equal(one('首轮会谈历时6小时。').about, '会谈')
  assert.equal(one('乌方同意停火45天。').about, '停火')
  assert.equal(one('美国提供了价值3000万欧元的军事援助。').about, '军事援助')
  assert.equal(one('俄军夜间发射了90架无人机。').about, '无人机')
  assert.equal(one('他说，耗时3个小时。').about, null)
  assert.equal(one('两人的会晤安排在下月。').about, null) // what the meeting is of, not what is counted
})

test('about stays inside the sentence', () => {
  const text = '乌方同意停火45天'
  assert.equal(findNumbers(text, [{ start: 0, end: text.length }])[0]!.about, '停火')
  assert.equal(findNumbers(text, [{ start: 0, end: 6 }, { start: 6, end: text.length }])[0]!.about, null)
})

test('dates and times are not numbers', () => {
  for (const text of [
    '双方于3月5日在日内瓦会面。', '2023年9月，谈判重启。', '会议将于20日开始。', '当地时间15日，代表团抵达。',
    '2022年，冲突全面爆发。', '自2014年以来，边界一直未定。', '北京时间07:30天气晴朗。', '上世纪90年代，两国建交。',
    '他将在2025年底前卸任。',
  ]) {
    assert.deepEqual(facts(text), [], text)
  }
})

test('ordinals, names, phone numbers, URLs, list markers and versions are not numbers', () => {
  for (const text of [
    '第二轮谈判在伊斯坦布尔举行。', '这是双方第3次会晤。', '二战后第1批难民返回。', '七大工业国组织峰会开幕。',
    'G7国家外长会晤。', '所谓“第2轨道”外交仍在进行。', '美国批准向该国出售F-16架构件。', '热线电话13912345678人工接听。',
    '见https://news.example.com/a?p=20%&q=1', '链接 https://x.cn/%E5%81%9C30%E5%81', '要点：\n1. 停火\n2. 撤军',
    '系统升级到2.4.1版本后运行正常。', '详见www.example.com/news30天内有效', '电影里的007名声在外。', '战争爆发三周年之际。',
  ]) {
    assert.deepEqual(facts(text), [], text)
  }
})

test('vague amounts, determiners and word-internal numerals are not numbers', () => {
  for (const text of [
    '数百人聚集在广场。', '支持率上升了5个百分点。', '十几个国家派出代表。', '休整三四天后再出发。', '他派出一名特使。',
    '双方达成一个协议。', '他四处奔走呼吁和平。', '官员三番五次表态。', '边境三天两头发生冲突。', '千万不要轻信传言。',
    '成千上万人涌上街头。', '两国实现统一个市场。', '推动一元化管理。', '另一半资金尚未到位。', '上一周局势平稳。',
  ]) {
    assert.deepEqual(facts(text), [], text)
  }
})

test('spans cover the qualifier, the number and the unit, in order', () => {
  const text = '会谈持续约90分钟，此前谈了两个多小时，损失超过99%。'
  const fs = facts(text)
  assert.deepEqual(fs.map((f) => f.surface), ['约90分钟', '两个多小时', '超过99%'])
  assert.ok(fs.every((f, i) => i === 0 || f.start >= fs[i - 1]!.end))
  assert.ok(fs.every((f) => f.confidence > 0 && f.confidence <= 1))
})

test('a range is two numbers, both in the high end’s unit and scale', () => {
  const r = (text: string): string[] => facts(text).map((f) => `${f.value} ${f.unit} ${f.range ?? '-'}`)
  assert.deepEqual(r('谈判预计持续3至5天。'), ['3 day low', '5 day high'])
  assert.deepEqual(r('援助金额在300到500亿美元之间。'), ['30000000000 USD low', '50000000000 USD high'])
  assert.deepEqual(r('代表团将停留2-4周。'), ['2 week low', '4 week high'])
  // Dates joined by 至 stay dates; a range whose low end is not lower is no range.
  assert.deepEqual(r('会议于2月12日至15日举行。'), [])
  assert.deepEqual(r('他们在2024至2025年间多次会面。'), [])
})

test('points of a plan, lasting years, regional currency words', () => {
  const b = (text: string): string[] => facts(text).map((f) => `${f.value} ${f.unit}`)
  assert.deepEqual(b('甲国提出了一份20点和平计划。'), ['20 point'])
  assert.deepEqual(b('双方达成六点共识。'), ['6 point'])
  assert.deepEqual(b('会议下午3点开始。'), [], '3点 alone is a time of day')
  assert.deepEqual(b('乙国获得15年安全保障。'), ['15 year'])
  assert.deepEqual(b('乙国在25年的谈判中让步。'), ['25 year'])
  assert.deepEqual(b('他在2025年访问乙国。'), [])
  // The stage reads the matching view, in which 億 and 歐 are simplified.
  assert.deepEqual(b(matchingView('欧盟批准30億歐羅援助。').text), ['3000000000 EUR'])
  assert.deepEqual(b('英国追加2亿英镑军援。'), ['200000000 GBP'])
})

test('a count keeps the noun it counts', () => {
  const c = (text: string): string[] => facts(text).map((f) => `${f.value} ${f.unit} ${f.counted}`)
  assert.deepEqual(c('双方交换了150名战俘。'), ['150 person 战俘'])
  assert.deepEqual(c('两国成立3个工作组，负责细节。'), ['3 count 工作组'])
})
