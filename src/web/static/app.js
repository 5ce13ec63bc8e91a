// parley dashboard script: served as a file (the Content-Security-Policy forbids inline code). The pages work
// without it; it adds drag-to-zoom on the timeline, submits filter selects on change, and replays the stance
// matrix's cell histories as its date slider moves. Text from articles is only ever set as textContent.
'use strict'
;(function () {
  const svg = document.getElementById('timeline')
  if (svg) {
    const from = Number(svg.dataset.from)
    const to = Number(svg.dataset.to)
    const x0 = Number(svg.dataset.x0)
    const x1 = Number(svg.dataset.x1)
    const brush = document.getElementById('brush')
    const toSvgX = (clientX) => {
      const r = svg.getBoundingClientRect()
      return ((clientX - r.left) / r.width) * svg.viewBox.baseVal.width
    }
    const dayAt = (x) => Math.round(from + ((Math.min(Math.max(x, x0), x1) - x0) / (x1 - x0)) * (to - from))
    const iso = (day) => new Date(day * 86400000).toISOString().slice(0, 10)
    let start = null
    svg.addEventListener('pointerdown', (e) => {
      if (e.target.closest('a')) return
      start = toSvgX(e.clientX)
      brush.setAttribute('x', String(start))
      brush.setAttribute('width', '0')
    })
    svg.addEventListener('pointermove', (e) => {
      if (start === null) return
      const x = toSvgX(e.clientX)
      brush.setAttribute('x', String(Math.min(start, x)))
      brush.setAttribute('width', String(Math.abs(x - start)))
    })
    window.addEventListener('pointerup', (e) => {
      if (start === null) return
      const x = toSvgX(e.clientX)
      const [a, b] = [dayAt(Math.min(start, x)), dayAt(Math.max(start, x))]
      start = null
      brush.setAttribute('width', '0')
      if (b - a < 1) return
      const url = new URL(window.location.href)
      url.searchParams.set('since', iso(a))
      url.searchParams.set('until', iso(b))
      window.location.assign(url.toString())
    })
  }
  const slider = document.getElementById('at-slider')
  if (slider) {
    const dates = slider.dataset.dates.split(',')
    const out = document.getElementById('at-label')
    const POS = { supports: ['+', '支持', 'supports'], opposes: ['−', '反对', 'opposes'], conditional: ['?', '有条件', 'conditional'] }
    const span = (cls, text, lang) => {
      const el = document.createElement('span')
      el.className = cls
      el.textContent = text
      if (lang) el.lang = lang
      return el
    }
    const show = (at) => {
      out.textContent = at
      for (const td of document.querySelectorAll('td.cell[data-history]')) {
        const seen = JSON.parse(td.dataset.history).filter((h) => h[0] === '' || h[0].slice(0, at.length) <= at)
        const cur = seen[seen.length - 1]
        const changed = new Set(seen.map((h) => h[1])).size > 1
        td.className = `cell ${cur ? cur[1] : 'later'}${changed ? ' changed' : ''}`
        const a = td.querySelector('a')
        const p = cur ? POS[cur[1]] : null
        const label = span('label', '')
        if (p) label.append(span('', p[1], 'zh'), ' ', span('en', p[2], 'en'))
        a.replaceChildren(span('mark', p ? p[0] : '·'), label)
        if (cur && cur[2]) a.append(span('cond', cur[2]))
        a.title = cur ? `${p[1]} ${p[2]} · ${cur[0] || '?'}${cur[2] ? ` · 条件 condition: ${cur[2]}` : ''}` : '此日期后才有记录 recorded only after this date'
      }
    }
    slider.addEventListener('input', () => {
      const at = dates[Number(slider.value)]
      show(at)
      const url = new URL(window.location.href)
      url.searchParams.delete('i')
      url.searchParams.set('at', at)
      window.history.replaceState(null, '', url.toString())
    })
  }
  for (const sel of document.querySelectorAll('form.filters select')) {
    sel.addEventListener('change', () => sel.form.requestSubmit())
  }
})()
