// Throughput of findNumbers over a synthetic text: sentences of the kinds news carries, with and without numbers.
// Usage: npx tsx bench/numbers.ts [megabytes of text, default 2]
import { findNumbers } from '../src/extract/numbers/index.js'

const SENTENCES = [
  '双方的通话持续了约两个半小时，讨论了停火安排。',
  '欧盟宣布提供3000万欧元人道援助，并承诺在未来6个月内追加资金。',
  '据估计，俄军控制了约五分之一的领土，其中超过90%的地区已被占领两年多。',
  '外长于3月5日在日内瓦会面，这是两人第3次会晤。',
  '七国集团(G7)峰会将在2025年6月举行，详情见https://example.com/a?p=20%。',
  '爆炸造成至少47人死亡、100多名平民受伤，救援人员连续工作了36小时。',
  '分析人士认为，谈判的前景仍不明朗，各方立场分歧很大。',
  '美国总统表示，他将与对方领导人举行会晤，地点尚未确定。',
  '百分之六十的受访者表示支持为期30天的临时停火。',
  '该国去年的军费开支达到1.2万亿卢布，较前一年增长了百分之二十五。',
]

const mb = Number(process.argv[2] ?? 2)
const parts: string[] = []
let size = 0
for (let i = 0; size < mb * 1e6; i++) {
  const s = SENTENCES[i % SENTENCES.length]!
  parts.push(s)
  size += s.length * 3 // UTF-8 bytes, roughly
}
const text = parts.join('')
const sentences: Array<{ start: number; end: number }> = []
let at = 0
for (const s of parts) {
  sentences.push({ start: at, end: at + s.length })
  at += s.length
}

findNumbers(SENTENCES.join(''), []) // load the lexicons and the tagger outside the timing
const t0 = performance.now()
const facts = findNumbers(text, sentences)
const ms = performance.now() - t0
console.log(
  `bench/numbers: ${text.length} chars, ${sentences.length} sentences, ${facts.length} facts in ${ms.toFixed(0)} ms: ` +
    `${Math.round(facts.length / (ms / 1000))} facts/s, ${((text.length / (ms / 1000)) / 1e6).toFixed(2)} M chars/s`,
)
