<#ftl output_format="Svg" strip_whitespace=true>
<#-- One major frame of every ARINC 653 schedule: every slot, then each partition's slots with a mark where each of its
     periods starts. -->
<svg xmlns="http://www.w3.org/2000/svg" width="${g.width?c}" height="${g.height?c}" font-family="sans-serif" font-size="12">
<text x="20" y="30" font-size="16" font-weight="bold">${g.title}</text>
<#list g.texts as t>
<text x="${t.x()?c}" y="${t.y()?c}"<#if t.bold()> font-weight="bold"</#if>>${t.text()}</text>
</#list>
<#list g.bars as b>
<rect x="${b.x()?c}" y="${b.y()?c}" width="${b.w()?c}" height="20" fill="${b.colour()}" stroke="#444" stroke-width="0.5"/>
<#if b.label()?has_content>
<text x="${(b.x() + 3)?c}" y="${(b.y() + 14)?c}" font-size="10">${b.label()}</text>
</#if>
</#list>
<#list g.marks as m>
<line x1="${m.x()?c}" y1="${m.y1()?c}" x2="${m.x()?c}" y2="${m.y2()?c}" stroke="#c62828" stroke-width="1.5"/>
</#list>
<#list g.ticks as m>
<line x1="${m.x()?c}" y1="${m.y1()?c}" x2="${m.x()?c}" y2="${m.y2()?c}" stroke="#444"/>
</#list>
</svg>
