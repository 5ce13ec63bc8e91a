// parley dashboard script: served as a file (the Content-Security-Policy forbids inline code). The pages work
// without it; it adds drag-to-zoom on the timeline and submits filter selects on change.
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
  for (const sel of document.querySelectorAll('form.filters select')) {
    sel.addEventListener('change', () => sel.form.requestSubmit())
  }
})()
