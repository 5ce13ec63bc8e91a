// Line-level boilerplate rules for Chinese news pages. Each rule looks at one rendered line (a Block)
// and says whether it is chrome (drop it), a marker that the article is over (cut everything after),
// or a meta line (source / author / date) that belongs to the byline, not the text.
// Rules only fire on short lines: a 200-character paragraph that happens to say 评论 is prose.

/** What a line is, as far as these rules can tell. */
export type LineKind = 'text' | 'chrome' | 'end' | 'meta'

/** A rule's verdict with the rule's id, so a debug run can say why a line went. */
export interface LineVerdict {
  kind: LineKind
  rule: string | null
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

// Lines made only of action words and separators: `[打印] [关闭窗口]`, `分享 收藏 纠错`, `字号：大 中 小`.
const ACTION_WORDS =
  /分享到|分享|转发|收藏本?文?|打印本?页?|关闭窗口|关闭|纠错|举报|推荐给(好友|朋友)|发送给好友|复制链接|返回顶部|回到顶部|顶部|字号|字体|大|中|小|默认|微信|微博|朋友圈|QQ空间|QQ|豆瓣|扫一扫|二维码|facebook|twitter|whatsapp|line|email|print|share|[|｜·•:：\[\]【】()（）<>《》\-—_/、,，>»«]/gi

interface Rule {
  id: string
  kind: LineKind
  re: RegExp
  /** Longest line (non-space chars) the rule may judge. */
  max: number
}

// The first rule that matches wins.
const RULES: Rule[] = [
  // 分享到：微信 微博 / 分享 : / Share this
  // (a bare 分享 needs its colon: 分享经济的未来 is a subheading)
  { id: 'share', kind: 'chrome', re: /^(分享到|分享给|转发到|转播到|一键分享)|^(分享|share(this)?)([:：]|$)/i, max: 40 },
  // 精彩视频推荐 / 热门推荐 / 图片推荐: the heading of a teaser box
  { id: 'recommend', kind: 'chrome', re: /^(精彩|热门|热点|更多|相关|今日|编辑)?(视频|图片|新闻|文章|阅读)?推荐$/, max: 12 },
  // Photo credits under an image: 图片来源：视觉中国 / （新华社记者 李四 摄）/ 资料图片 / Getty Images.
  // A caption that says something (资料图：无性婚姻能走多远？) has sentence punctuation and stays.
  {
    id: 'photo-credit',
    kind: 'chrome',
    re: /^[（(【]?((图片?|照片)(来源|来自|提供)|图源|供图|摄影|资料图片?|视觉中国|gettyimages|图[:：/])[^，。！？]{0,24}[)）】]?$|^[（(【][^，。！？]{0,24}(摄|供图)[)）】]$/i,
    max: 30,
  },
  // 获取更多RSS：https://feedx.net — a feed relay's footer
  { id: 'rss-footer', kind: 'end', re: /获取更多RSS|RSS订阅|订阅RSS/i, max: 60 },
  // 责任编辑：张三 / （编辑：李四）/ 【编辑:刘欢】/ 审核：王五
  {
    id: 'editor',
    kind: 'chrome',
    re: /^[（(【\[]?(责任编辑|责编|编辑|校对|审核|审校|监制|主编|值班编辑|实习编辑|网络编辑|编审)[:：\s]/,
    max: 40,
  },
  // 版权所有 © 2005 新浪网 / Copyright (c) / 未经授权不得转载 / 京ICP证000007
  {
    id: 'copyright',
    kind: 'chrome',
    re: /版权所有|copyright|©|all rights reserved|未经.{0,12}(授权|许可|同意).{0,12}(转载|使用|复制)|转载请注明|不得转载|ICP[备证]|备案号|网络传播视听节目许可证/i,
    max: 150,
  },
  // 上一篇：… / 下一篇：… / 第1页/共3页 / << 上一页 | 下一页 >>
  {
    id: 'prev-next',
    kind: 'chrome',
    re: /^(上一篇|下一篇|上一页|下一页|上一条|下一条|前一篇|后一篇)|第\d+页[/／]共\d+页|^共\d+页|(上一页|下一页)$/,
    max: 80,
  },
  // 返回搜狐，查看更多 / 返回首页 / 点击进入专题
  { id: 'back-link', kind: 'chrome', re: /^返回.{0,8}(首页|列表|频道|顶部|查看更多)|^点击(进入|查看|这里)|^查看(原文|更多)/, max: 30 },
  // 点击数：123 / 阅读次数：45 / 浏览量 678 / 本文已被阅读178次
  { id: 'counter', kind: 'chrome', re: /^(点击|浏览|阅读|访问|人气)(数|次数|量|人次)?[:：]?\d+|(已被|被)?(阅读|浏览|点击)\d+次|第\d+(个|位)(阅览|访问|读)者/, max: 50 },
  // 相关阅读 / 相关新闻 / 延伸阅读 / 猜你喜欢 / 热门推荐: what follows is other articles
  {
    id: 'related',
    kind: 'end',
    re: /^[【\[（(]?(相关(阅读|新闻|文章|链接|报道|专题|推荐|稿件|内容|资讯)|延伸阅读|推荐阅读|扩展阅读|热门(推荐|文章|新闻|阅读)|猜你喜欢|更多(精彩|新闻|阅读|相关)|精彩(推荐|图片|专题)|今日推荐|往期(回顾|推荐)|你可能(还)?(感兴趣|喜欢))/,
    max: 30,
  },
  // 网友评论 / 发表评论 / 我要评论 / 已有12条评论 / 共 3 篇评论 / 回复线索：/ 某某的评论
  {
    id: 'comments',
    kind: 'end',
    re: /^(网友|读者|用户|最新|热门|精彩|全部)?(评论|留言|跟帖)(区|列表)?([:：(（\d]|$)|^(发表|我要|参与)(评论|回复|留言)|已有\d+(人|条|件|篇)(参与|评论|跟帖)|共\d+(条|件|篇)评论|^查看(全部|更多)?(评论|跟帖)|的评论$|^回复(线索|列表)[:：]?/,
    max: 40,
  },
  // A post's footer with its comment count (`由X张贴 @ 2005-06-13 15:00 (697) 共 29 篇评论 发表评论 >>>`,
  // `作者:x 阅读(1660) 评论(5)`): on a blog's front page the next post follows, on a post page its comments.
  { id: 'post-footer', kind: 'end', re: /(共|已有)\d+(条|件|篇)(评论|回复)|评论\(\d+\)|\d+条评论/, max: 80 },
  // 反侵权公告 / 版权声明 / 免责声明: legal notices close the article
  { id: 'legal', kind: 'end', re: /^[【\[（(]?(反侵权公告|版权声明|免责声明|郑重声明|特别声明)/, max: 30 },
  // 来源：新华社 / 作者：… / 发布时间：2022-02-06 / 2005-04-05 06:40更新 来源：转载文章
  {
    id: 'byline',
    kind: 'meta',
    re: /^[（(【\[]?(来源|稿源|出处|作者|记者|通讯员|发布时间|发布日期|发表时间|发稿时间|更新时间|时间|日期|发布者|发布人|浏览次数)[:：]|(来源|作者)[:：]|^(posted|published|written|updated)(by|on|at)/i,
    max: 80,
  },
]

/** Judges one line. Prose-length lines are always text. */
export function classifyLine(text: string): LineVerdict {
  // Leading separators and bullets (`| 回复线索：`, `· 相关新闻`) say nothing about the line.
  const c = compact(text).replace(/^[|｜·•●◆■□▪►>»\-–—*]+/, '')
  if (!c) return { kind: 'chrome', rule: 'empty' }
  for (const rule of RULES) {
    const m = c.length <= rule.max ? rule.re.exec(c) : null
    if (!m) continue
    // `延伸阅读：某某骗局` is one related link on its own line, not the heading of a list that ends the text.
    if (rule.id === 'related' && c.length - m[0].length > 4) return { kind: 'chrome', rule: 'related-item' }
    return { kind: rule.kind, rule: rule.id }
  }
  if (c.length <= 40 && c.replace(ACTION_WORDS, '') === '') return { kind: 'chrome', rule: 'actions' }
  return { kind: 'text', rule: null }
}

// Sentence punctuation, full-width and ASCII. Prose has one every 10-30 characters; menus have none.
const PUNCT = /[，。！？；：、“”‘’「」『』（）《》…—,.!?;:]/g
const SENTENCE_END = /[。！？!?…]|[.;]$/

/** Punctuation marks in a string (the CEPF / GNE signal for prose). */
export function punctuationCount(s: string): number {
  return s.match(PUNCT)?.length ?? 0
}

// Informal Chinese (blogs, Taiwanese forums) often separates clauses with a space instead of a comma:
// `寒流報到 已將新竹尖石鄉後山…`. A space between two Han characters counts as a clause break.
const HAN_SPACE_HAN = /[\u3400-\u9fff][ \u00a0\u3000]+(?=[\u3400-\u9fff])/g

/** True when a line reads as prose rather than a label, menu item or heading. */
export function isProse(text: string): boolean {
  const c = compact(text)
  if (c.length >= 60) return true
  const breaks = punctuationCount(c) + (text.match(HAN_SPACE_HAN)?.length ?? 0)
  return breaks >= 2 || (c.length >= 10 && SENTENCE_END.test(c)) || (breaks >= 1 && c.length >= 20)
}
