<#ftl output_format="Svg" strip_whitespace=true>
<#-- The driver-domain layout: domains in start order with what they own, backend arrows, dashed links for shared
     memory and event channels, the memory split. -->
<svg xmlns="http://www.w3.org/2000/svg" width="${g.width?c}" height="${g.height?c}" font-family="sans-serif" font-size="12">
<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>
<text x="20" y="30" font-size="16" font-weight="bold">${g.title}</text>
<#list g.boxes as b>
<rect x="${b.x()?c}" y="${b.y()?c}" width="${g.boxW()?c}" height="${b.h()?c}" rx="6" fill="<#if b.role() == "control">#e8eef8<#elseif b.role() == "driver">#e8f5e9<#else>#fff8e1</#if>" stroke="#444"/>
<text x="${(b.x() + 10)?c}" y="${(b.y() + 18)?c}" font-weight="bold">${b.name()} (${b.role()}, ${b.boot()})</text>
<text x="${(b.x() + 10)?c}" y="${(b.y() + 36)?c}">${b.cpus()}</text>
<text x="${(b.x() + 10)?c}" y="${(b.y() + 52)?c}">${b.memory()}</text>
<#list b.devices() as dev>
<text x="${(b.x() + 16)?c}" y="${(b.y() + 74 + dev?index * g.line())?c}">• ${dev}</text>
</#list>
</#list>
<#list g.arrows as a>
<#if a.link()>
<line x1="${a.x1()?c}" y1="${a.y()?c}" x2="${a.x2()?c}" y2="${a.y()?c}" stroke="#8e24aa" stroke-dasharray="6 4"/>
<#else>
<line x1="${a.x1()?c}" y1="${a.y()?c}" x2="${a.x2()?c}" y2="${a.y()?c}" stroke="#555" marker-end="url(#arrow)"/>
</#if>
<text x="${((a.x1() + a.x2()) / 2)?int?c}" y="${(a.y() - 4)?c}" text-anchor="middle">${a.label()}</text>
</#list>
<text x="20" y="${(g.memoryY - 8)?c}" font-weight="bold">Memory</text>
<#list g.memory as m>
<rect x="${m.x()?c}" y="${g.memoryY?c}" width="${m.w()?c}" height="24" fill="<#if m.isStatic()>#c5cae9<#else>#eeeeee</#if>" stroke="#444"/>
<text x="${m.labelX()?c}" y="${(g.memoryY + m.labelDy())?c}">${m.label()}</text>
</#list>
</svg>
