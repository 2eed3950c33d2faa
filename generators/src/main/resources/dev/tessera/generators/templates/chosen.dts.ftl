<#ftl output_format="DTS" strip_whitespace=true>
<#-- Prints the plan's host tree (what Tessera adds to the board's device tree for Xen) as DTS source:
     /chosen inside the root node, the nodes it adds inside board nodes, then the board nodes it sets properties on, by path. Nodes Tessera creates are
     referred to by path (&{...}): dtc gives them their phandles. -->
<#macro hostTree tree>
/ {
<@node n=tree.chosen() depth=1/>
};
<#list tree.addedNodes() as a>

&{${a.name()}} {
<#list a.children() as c>
<@node n=c depth=1/>
</#list>
};
</#list>
<#list tree.boardNodes() as b>

&{${b.name()}} {
<#list b.properties() as p>
${"\t"?no_esc}<@property p/>
</#list>
};
</#list>
</#macro>
<#macro node n depth>
<#local t = ""?left_pad(depth, "\t")>
<#if n.section()>

</#if>
${t?no_esc}${n.name()} {
<#list n.properties() as p>
${t?no_esc}	<@property p/>
</#list>
<#list n.children() as c>
<@node n=c depth=depth + 1/>
</#list>
${t?no_esc}};
</#macro>
<#macro property p><#if p.isFlag()>${p.name()};<#elseif p.strings()?has_content>${p.name()} = <#list p.strings() as s>"${s}"<#sep>, </#list>;<#else>${p.name()} = <<#list p.cells() as c><@cell c/><#sep> </#list>>;</#if></#macro>
<#macro cell c><#if c.isNumber()>${fmt.hex(c.value())}<#elseif c.isVariable()><#stop "a U-Boot variable has no place in a DTS source"><#else>&{${c.name()}}</#if></#macro>
