<#ftl output_format="UBoot" strip_whitespace=true>
<#-- Prints the plan's host tree as U-Boot fdt commands on the firmware's device tree. fdt mknod puts a node before
     its siblings and Xen numbers the domains it starts at boot in tree order: tree-ordered nodes are created last to
     first. Nodes others refer to get the phandle the plan gives them; a board node's phandle is read from the tree. -->
<#assign D = "$"?no_esc>
<#macro hostTree tree>
<#local chosen = tree.chosen()>
<#local path = "/" + chosen.name()>
<#list chosen.properties() as p>
<@set target=path p=p quoted=false/>
</#list>
<#list chosen.children()?filter(c -> !c.treeOrdered()) as c><@node n=c parent=path/></#list>
<#list chosen.children()?filter(c -> c.treeOrdered())?reverse as c><@node n=c parent=path/></#list>
<#list tree.addedNodes() as a><#list a.children() as c><@node n=c parent=a.name()/></#list></#list>
<#list tree.boardNodes() as b>
<#list b.properties() as p>
<@set target=b.name() p=p/>
</#list>
</#list>
</#macro>
<#macro node n parent>
<#local path = parent + "/" + n.name()>
<#if n.section()>

fdt mknod ${parent} "${n.name()}"
<#else>
fdt mknod "${parent}" "${n.name()}"
</#if>
<#list n.properties() as p>
<@set target=path p=p/>
<#if p?is_first && n.phandle() != 0>
fdt set "${path}" phandle <${fmt.hex(n.phandle())}>
</#if>
</#list>
<#list n.children() as c><@node n=c parent=path/></#list>
</#macro>
<#-- a board node's phandle is only known at boot: read it into a variable first -->
<#macro set target p quoted=true>
<#list p.lookups() as c>
fdt get value tess_cpu${c?index} "${c.name()}" phandle
</#list>
fdt set <#if quoted>"${target}"<#else>${target}</#if> <#if p.name()?starts_with("#")>\</#if>${p.name()}<#if p.strings()?has_content><#list p.strings() as s> "${s}"</#list><#elseif p.cells()?has_content> <<@cells p.cells()/>></#if>
</#macro>
<#macro cells cs><#local i = 0><#list cs as c><#if c.isNumber() || c.isReference()>${fmt.hex(c.value())}<#elseif c.isVariable()>0x${D}{${c.name()}}<#else>${D}{tess_cpu${i}}<#local i = i + 1></#if><#sep> </#list></#macro>
