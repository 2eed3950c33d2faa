<#ftl output_format="Svg" strip_whitespace=true>
<#-- The isolation matrix: one cell per pair of domains with the letters of what connects them, each domain's name
     with what lets it reach every other. IsolationDrawing decides every position. -->
<svg xmlns="http://www.w3.org/2000/svg" width="${g.width?c}" height="${g.height?c}" font-family="sans-serif" font-size="12">
<text x="20" y="30" font-size="16" font-weight="bold">${g.title}</text>
<text x="20" y="52">${g.xsm}</text>
<#list g.columns as c>
<text x="${c.x()?c}" y="${c.y()?c}" text-anchor="start" transform="rotate(-45 ${c.x()?c} ${c.y()?c})">${c.text()}</text>
</#list>
<#list g.rows as r>
<text x="${r.x()?c}" y="${r.y()?c}"><tspan font-weight="bold">${r.text()}</tspan><#if r.note()?has_content> <tspan fill="#c62828">(${r.note()})</tspan></#if></text>
</#list>
<#list g.cells as c>
<rect x="${c.x()?c}" y="${c.y()?c}" width="${g.cell?c}" height="${g.cell?c}" fill="<#if c.connected()>#e1bee7<#else>#ffffff</#if>" stroke="#999"/>
<#if c.letters()?has_content>
<text x="${(c.x() + g.cell / 2)?int?c}" y="${(c.y() + g.cell / 2 + 4)?int?c}" text-anchor="middle">${c.letters()}</text>
</#if>
</#list>
<#list g.legend as l>
<text x="20" y="${(g.height - 44 + l?index * 16)?c}">${l}</text>
</#list>
</svg>
