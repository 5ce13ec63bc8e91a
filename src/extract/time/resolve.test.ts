import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TimeExpr, UNKNOWN_DATE, type Published } from '../../core/index.js'
import { findTimes } from './index.js'

const day = (at: string): Published => ({ at, precision: 'day', source: 'user', raw: at })
const month = (at: string): Published => ({ at, precision: 'month', source: 'user', raw: at })

function all(text: string, published: Published): TimeExpr[] {
  const out = findTimes(text, { published })
  for (const t of out) {
    TimeExpr.parse(t)
    assert.equal(t.surface, text.slice(t.start, t.end))
  }
  return out
}

/** The one expression whose surface starts with `surface` (the only one when omitted). */
function one(text: string, published: Published, surface?: string): TimeExpr {
  const found = all(text, published).filter((t) => surface === undefined || t.surface.startsWith(surface))
  assert.equal(found.length, 1, `${text}: expected one ${surface ?? 'expression'}, got ${JSON.stringify(found.map((t) => t.surface))}`)
  return found[0]!
}

const valueOf = (text: string, at: string, surface?: string): string | null => one(text, day(at), surface).value

// --- day of month -------------------------------------------------------------------------------------------

test('a day of month on or before the reference day is in the reference month', () => {
  assert.equal(valueOf('美国与乌克兰官员11日在吉达会谈', '2025-03-12'), '2025-03-11')
  assert.equal(valueOf('双方12日通电话', '2025-02-13'), '2025-02-12')
  const same = one('外长12日抵达首都', day('2025-03-12'))
  assert.equal(same.value, '2025-03-12')
  assert.equal(same.direction, 'present')
  assert.equal(same.ruleId, 'time.day-of-month')
  assert.equal(same.kind, 'day-of-month')
})

test('a day of month after the reference day belongs to the previous month, across a year end', () => {
  const t = one('两国领导人28日在白宫会面', day('2025-03-02'))
  assert.equal(t.value, '2025-02-28')
  assert.equal(t.direction, 'past')
  assert.equal(valueOf('特使29日离开了基辅', '2025-01-05'), '2024-12-29')
  // February has no 30th: the month before it does, but that is far enough to doubt.
  const far = one('声明30日发布', day('2025-03-05'))
  assert.equal(far.value, '2025-01-30')
  assert.ok(far.confidence < 0.5)
})

test('a future marker in the clause makes a day of month the next such day', () => {
  const t = one('安全会议将于14日开幕', day('2025-02-13'))
  assert.equal(t.value, '2025-02-14')
  assert.equal(t.direction, 'future')
  assert.equal(valueOf('代表团计划于5日返回', '2025-02-20'), '2025-03-05')
  assert.equal(valueOf('预计各方代表16日开始的磋商将持续三天', '2025-02-13'), '2025-02-16')
  // The marker right after the date governs it too: 他15日将前往.
  assert.equal(valueOf('他15日将前往华沙', '2025-02-13'), '2025-02-15')
  // But not a 将 in reported speech after a reporting verb, nor one in another clause.
  assert.equal(valueOf('他15日表示将继续施压', '2025-02-13'), '2025-01-15')
  assert.equal(one('美方将继续施压,大使15日表示', day('2025-02-13'), '15').value, '2025-01-15')
  // 将军 contains 将 but marks nothing.
  assert.equal(valueOf('那位将军16日视察前线', '2025-02-13'), '2025-01-16')
})

test('a weak marker (将, 计划) resolves the same way with lower confidence than a strong one (将于)', () => {
  const weak = one('总统将20日出访', day('2025-02-13'))
  const strong = one('总统将于20日出访', day('2025-02-13'))
  assert.equal(weak.value, '2025-02-20')
  assert.equal(strong.value, '2025-02-20')
  assert.ok(weak.confidence < strong.confidence)
})

test('当地时间 is a modifier beside the date, not a shift; parts of the day stay in the span', () => {
  const out = all('当地时间14日晚,两国外长举行会谈', day('2025-02-16'))
  assert.equal(out.length, 2)
  assert.equal(out[0]!.kind, 'modifier')
  assert.equal(out[0]!.ruleId, 'time.zone')
  assert.equal(out[0]!.surface, '当地时间')
  assert.equal(out[0]!.value, null)
  assert.equal(out[1]!.surface, '14日晚')
  assert.equal(out[1]!.value, '2025-02-14')
  assert.equal(one('莫斯科时间3日凌晨发生袭击', day('2025-03-04'), '3日').value, '2025-03-03')
})

test('numbers that are not dates are left alone', () => {
  for (const s of ['兑换成12日元', '5日内撤出全部部队', '停火30天', '援助1100亿美元', '约18%的领土', '连续3日发动袭击', '为期5日的访问']) {
    assert.deepEqual(all(s, day('2025-02-13')), [], s)
  }
  assert.ok(one('战争进入第12日', day('2025-02-13')).confidence < 0.5)
})

// --- absolute dates -----------------------------------------------------------------------------------------

test('dates with a year resolve without the reference, at their precision', () => {
  const cases: [string, string, string, string][] = [
    ['乌克兰军队2024年8月越境', '2024-08', 'month', 'time.absolute-month'],
    ['上次通话是在2022年2月12日', '2022-02-12', 'day', 'time.absolute-day'],
    ['回到1991年的边界', '1991', 'year', 'time.absolute-year'],
    ['恢复2014年之前的边界', '2014', 'year', 'time.absolute-year'],
    ['文件日期为2025-02-18', '2025-02-18', 'day', 'time.iso-date'],
    ['二〇二四年十二月二十日签署', '2024-12-20', 'day', 'time.absolute-day'],
  ]
  for (const [text, value, precision, ruleId] of cases) {
    for (const p of [day('2025-03-12'), UNKNOWN_DATE]) {
      const t = one(text, p)
      assert.equal(t.value, value, text)
      assert.equal(t.precision, precision, text)
      assert.equal(t.ruleId, ruleId, text)
      assert.equal(t.unresolved, false, text)
    }
  }
  assert.deepEqual(all('公元1100年', day('2025-03-12')), [], 'implausible year')
  assert.equal(one('20世纪1990年代', day('2025-03-12')).range?.end, '1999-12-31')
})

test('a month and day without a year take the nearest such date to the reference', () => {
  assert.equal(valueOf('双方12月20日在日内瓦会晤', '2025-01-05'), '2024-12-20')
  assert.equal(valueOf('会谈定在1月3日举行', '2024-12-28'), '2025-01-03')
  assert.equal(valueOf('特使2月17日抵达', '2025-02-18'), '2025-02-17')
  const m = one('新政府1月上任以来', day('2025-03-12'))
  assert.equal(m.value, '2025-01')
  assert.equal(m.ruleId, 'time.month')
  assert.deepEqual(all('登上月球', day('2025-03-12')), [])
})

test('a year word before a month and day counts the year from the reference', () => {
  const t = one('普京今年1月20日向安全会议发表讲话', day('2025-03-12'))
  assert.equal(t.value, '2025-01-20')
  assert.equal(t.ruleId, 'time.relative-year-date')
  assert.equal(valueOf('去年12月,双方曾交换战俘', '2025-03-12'), '2024-12')
  assert.equal(valueOf('上月28日的会议', '2025-03-12'), '2025-02-28')
})

// --- weekdays -----------------------------------------------------------------------------------------------

test('a weekday with its date in brackets takes the bracketed date', () => {
  const t = one('代表团星期一(2月17日)抵达', day('2025-02-18'))
  assert.equal(t.value, '2025-02-17')
  assert.equal(t.ruleId, 'time.weekday-bracket')
  assert.equal(t.surface, '星期一(2月17日)')
  assert.equal(valueOf('外长周二(18日)会见了特使', '2025-02-19'), '2025-02-18')
  assert.equal(one('会谈于2月18日(周二)举行', day('2025-02-20')).ruleId, 'time.date-weekday')
})

test('a bracketed date that disagrees with its weekday is kept, with low confidence', () => {
  const t = one('特使星期三(2月17日)抵达', day('2025-02-18'))
  assert.equal(t.value, '2025-02-17')
  assert.ok(t.confidence < 0.6)
})

test('a bare weekday is the most recent one on or before the reference, or with a marker the next', () => {
  // 2025-02-18 is a Tuesday.
  assert.equal(valueOf('他星期日在电视节目中表示', '2025-02-18'), '2025-02-16')
  assert.equal(valueOf('他将在星期三前往', '2025-02-18'), '2025-02-19')
  assert.equal(valueOf('总统星期二会见了记者', '2025-02-18'), '2025-02-18')
  assert.equal(valueOf('总统星期二将飞往安卡拉', '2025-02-18'), '2025-02-18')
  // 2024-01-25 is a Thursday.
  assert.equal(valueOf('外长周二在纽约会见', '2024-01-25'), '2024-01-23')
  assert.equal(valueOf('该报週四披露', '2024-01-25'), '2024-01-25')
  assert.equal(valueOf('特使预计周一抵达', '2024-01-25'), '2024-01-29')
  assert.deepEqual(all('每周一举行例会', day('2024-01-25')), [])
})

test('a weekday after a week word names that week\'s day', () => {
  assert.equal(valueOf('两人上周五通了电话', '2025-02-18'), '2025-02-14')
  assert.equal(valueOf('他计划下周二出访', '2025-02-18'), '2025-02-25')
  assert.equal(valueOf('本周四将举行投票', '2025-02-18'), '2025-02-20')
  assert.equal(valueOf('双方上週日达成协议', '2025-02-18'), '2025-02-16')
  assert.deepEqual(one('上周末的袭击', day('2025-02-18')).range, { start: '2025-02-15', end: '2025-02-16' })
})

// --- relative words -----------------------------------------------------------------------------------------

test('relative months, years and ago-phrases count from the reference', () => {
  const at = '2024-01-25'
  const last = one('这些信号是上个月传达的', day(at))
  assert.equal(last.value, '2023-12')
  assert.equal(last.precision, 'month')
  assert.equal(last.direction, 'past')
  const early = one('瑞士本月早些时候宣布将举办会议', day(at), '本月')
  assert.equal(early.value, '2024-01')
  assert.equal(early.direction, 'past')
  assert.equal(valueOf('两年前全面入侵开始', at), '2022')
  assert.equal(valueOf('3年前签署的协议', at), '2021')
  assert.equal(valueOf('去年,两国关系恶化', at), '2023')
  assert.equal(valueOf('明年将举行选举', at), '2025')
  assert.equal(valueOf('两个月前的会谈', at), '2023-11')
  assert.equal(valueOf('他昨天抵达', at), '2024-01-24')
  assert.equal(valueOf('今天', at), '2024-01-25')
})

test('上周, 本周 and 下周 are Monday-to-Sunday ranges of precision week', () => {
  const at = '2025-02-18'
  const last = one('国防部长上周表示', day(at))
  assert.equal(last.value, null)
  assert.equal(last.precision, 'week')
  assert.deepEqual(last.range, { start: '2025-02-10', end: '2025-02-16' })
  assert.deepEqual(one('特使计划本周访问莫斯科', day(at), '本周').range, { start: '2025-02-17', end: '2025-02-23' })
  assert.deepEqual(one('下星期再谈', day(at)).range, { start: '2025-02-24', end: '2025-03-02' })
  assert.deepEqual(all('看一下周边国家', day(at)), [])
})

test('vague and future spans are ranges, the vague ones with low confidence', () => {
  const at = '2025-03-12'
  const few = one('几天前,双方交换了战俘', day(at))
  assert.deepEqual(few.range, { start: '2025-03-03', end: '2025-03-10' })
  assert.ok(few.confidence < 0.5)
  assert.equal(few.direction, 'past')
  const months = one('数月前的谈判', day(at))
  assert.equal(months.direction, 'past')
  assert.ok(months.confidence < 0.5)
  const next = one('顾问将于未来几天会见俄方', day(at), '未来')
  assert.equal(next.direction, 'future')
  assert.equal(next.range?.start, '2025-03-12')
  assert.deepEqual(one('未来3个月是关键期', day(at)).range, { start: '2025-03-12', end: '2025-06-12' })
  assert.equal(one('双方同意近期互派大使', day(at)).direction, 'future')
  assert.equal(one('他不久将与普京会面', day(at), '不久').direction, 'future')
})

test('当天, 同日, 次日 count from the last day the text named, else from the reference', () => {
  const out = all('双方10日举行会谈。当天晚些时候,总统发表讲话。次日,外长离开。同日,议会投票。', day('2025-02-20'))
  assert.deepEqual(out.map((t) => t.value), ['2025-02-10', '2025-02-10', '2025-02-11', '2025-02-11'])
  assert.equal(out[1]!.ruleId, 'time.anchored')
  const alone = one('当天,总统发表讲话', day('2025-02-20'))
  assert.equal(alone.value, '2025-02-20')
  assert.equal(valueOf('2022年2月,战争爆发。同年9月,动员开始。', '2025-02-20', '同年'), '2022-09')
})

test('a speaker\'s 今天 inside a quotation resolves to the reference with lower confidence', () => {
  const outside = one('他今天表示', day('2025-03-12'))
  const inside = one('他说:“我们今天已收到通知。”', day('2025-03-12'))
  assert.equal(inside.value, '2025-03-12')
  assert.ok(inside.confidence < outside.confidence)
})

// --- unknown and coarse references --------------------------------------------------------------------------

test('with an unknown reference, what needs it is unresolved and keeps its surface', () => {
  const d = one('双方12日通电话', UNKNOWN_DATE)
  assert.equal(d.unresolved, true)
  assert.equal(d.value, null)
  assert.equal(d.surface, '12日')
  assert.equal(d.precision, 'day')
  const m = one('这些信号是上个月传达的', UNKNOWN_DATE)
  assert.equal(m.unresolved, true)
  assert.equal(m.direction, 'past')
  assert.equal(one('他星期二抵达', UNKNOWN_DATE).unresolved, true)
  assert.equal(one('双方12日通电话。当天,总统发表讲话。', UNKNOWN_DATE, '当天').unresolved, true)
  const y = one('乌克兰于2024年8月越境', UNKNOWN_DATE)
  assert.equal(y.value, '2024-08')
  assert.equal(y.unresolved, false)
  assert.equal(y.direction, 'unknown')
})

test('with a month-precision reference, a day of month stays unresolved but month words resolve', () => {
  assert.equal(one('双方12日通电话', month('2025-02')).unresolved, true)
  assert.equal(one('他上个月表示', month('2025-02')).value, '2025-01')
  assert.equal(one('特使2月17日抵达', month('2025-02')).value, '2025-02-17')
  assert.equal(one('他上周表示', month('2025-02')).unresolved, true)
})

test('a minute-precision reference counts by its date', () => {
  const p: Published = { at: '2025-02-18T07:27Z', precision: 'minute', source: 'feed', raw: null }
  assert.equal(one('发言人星期一表示', p).value, '2025-02-17')
})
