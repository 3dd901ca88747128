/// The frame of an HTML report: the document head and its one style sheet. Colours come from
/// the Okabe–Ito palette (distinct under the common colour blindnesses), every colour has a
/// dark-mode twin, and nothing is told by colour alone (bars have labels, severities words).
enum HTMLPage {
    /// A complete document around `body`.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(HTMLMarkup.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let style = """
    :root {
      --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --card: #f6f8fa;
      --fit: #0072b2; --corpus: #e69f00; --own: #009e73; --rate: #d55e00;
      --error: #b3470b; --warning: #8a6100; --info: #0062a0; --mark: #ffe8a3; --del: #fbd9c6; --ins: #c4eadb;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --card: #161b22;
        --fit: #56b4e9; --corpus: #e69f00; --own: #3cc59b; --rate: #ff8a4c;
        --error: #ff8a4c; --warning: #f0c75e; --info: #79c0ff; --mark: #5c4a00; --del: #5a2a12; --ins: #12422f;
      }
    }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 62rem; padding: 1rem; background: var(--bg); color: var(--fg);
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    h1 { font-size: 1.5rem; margin: 0.5rem 0 0.25rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; overflow-wrap: anywhere; }
    h3 { font-size: 1.2rem; margin-top: 2rem; }
    h4 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
    h5 { font-size: 1rem; margin: 1rem 0 0.5rem; }
    a { color: var(--fit); }
    code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
    .summary, .fit, .muted, figcaption { color: var(--muted); }
    .toc { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.75rem; margin: 1rem 0; }
    .card { display: flex; gap: 0.75rem; align-items: flex-start; background: var(--card); border: 1px solid var(--line);
      border-radius: 0.5rem; padding: 0.75rem; }
    .card p.card-title { margin: 0; font-size: 1rem; }
    .card p { margin: 0.25rem 0 0; font-size: 0.9rem; }
    .ring { flex: none; width: 4.5rem; height: 4.5rem; }
    .ring .track { stroke: var(--line); }
    .ring .value { stroke: var(--fit); }
    .ring text { fill: var(--fg); font-weight: 700; }
    .rating { font-weight: 600; }
    .charts { columns: 2 22rem; column-gap: 1rem; }
    figure { margin: 0 0 1rem; padding: 0.75rem; border: 1px solid var(--line); border-radius: 0.5rem; min-width: 0; break-inside: avoid; }
    figcaption { font-size: 0.9rem; margin-bottom: 0.5rem; }
    figcaption strong { color: var(--fg); display: block; font-size: 1rem; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; margin: 0 0 0.5rem; padding: 0; list-style: none; }
    .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; vertical-align: -0.05em; border-radius: 2px; }
    .swatch.fit { background: var(--fit); } .swatch.corpus { background: var(--corpus); } .swatch.rate { background: var(--rate); }
    table.bars { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
    table.bars th, table.bars td { padding: 0.2rem 0.3rem; text-align: left; vertical-align: middle; }
    table.bars thead th { font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); }
    table.bars tbody th { font-weight: 400; overflow-wrap: break-word; hyphens: auto; }
    table.bars tr.own th { font-weight: 700; }
    table.bars td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    table.bars td.bar { width: 38%; min-width: 5rem; }
    .own-mark { color: var(--own); }
    svg.bar { display: block; width: 100%; height: 1.1rem; }
    svg.bar .fit, svg.chart .fit { fill: var(--fit); }
    svg.bar .corpus { fill: var(--corpus); }
    svg.chart { display: block; width: 100%; height: auto; max-height: 14rem; }
    svg.chart .axis { stroke: var(--muted); }
    svg.chart text { fill: var(--muted); font-size: 11px; }
    svg.chart .rate { stroke: var(--rate); stroke-width: 2.5; }
    svg.chart text.rate-label { fill: var(--rate); font-weight: 700; font-size: 12px; }
    .chips { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; margin: 0.5rem 0 0; list-style: none; }
    .chips li { border: 1px dashed var(--rate); border-radius: 1rem; padding: 0.1rem 0.6rem; font-size: 0.85rem; }
    .field { border-left: 3px solid var(--line); padding-left: 0.75rem; margin: 0.75rem 0; }
    .finding { margin: 0.5rem 0 1rem; }
    .finding p { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .sev { font-weight: 700; white-space: nowrap; }
    .sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
    .rule, .where { color: var(--muted); font-size: 0.85em; }
    pre.excerpt { background: var(--card); border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.4rem 0.6rem;
      margin: 0.3rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    pre.excerpt .ln { color: var(--muted); user-select: none; }
    mark { background: var(--mark); color: inherit; text-decoration: underline wavy var(--rate); }
    .notes { margin: 0.2rem 0; padding-left: 1.25rem; font-size: 0.92rem; }
    del { background: var(--del); }
    ins { background: var(--ins); text-decoration: none; }
    .posts li { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .none { color: var(--muted); font-style: italic; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (max-width: 30rem) {
      body { padding: 0.6rem; font-size: 15px; }
      .cards { grid-template-columns: 1fr; }
      .charts { columns: 1; }
      figure { padding: 0.5rem; }
      table.bars td.bar { width: 24%; min-width: 3rem; }
    }
    @media print {
      :root { --bg: #fff; --fg: #000; --card: #fff; }
      body { max-width: none; font-size: 11pt; }
      * { -webkit-print-color-adjust: exact; }
      .card, figure, .finding { break-inside: avoid; }
      .part { break-before: page; }
      .part:first-of-type { break-before: auto; }
      .posts a[href]::after { content: " <" attr(href) ">"; color: var(--muted); font-size: 0.85em; }
      nav { display: none; }
    }
    """
}
