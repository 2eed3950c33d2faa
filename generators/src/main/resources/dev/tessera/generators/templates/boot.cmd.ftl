<#ftl output_format="UBoot" strip_whitespace=true>
<#import "header.ftl" as h>
<#import "chosen.fdt.ftl" as dt>
<#-- U-Boot: load every file (or expect it in memory), describe the system under /chosen of the firmware's
     device tree with fdt commands, start Xen. Every value is quoted and escaped (EscapingFormat.UBOOT); names and
     paths too. The script needs U-Boot's hush parser (CONFIG_HUSH_PARSER): the simple parser has no quotes. -->
<#assign D = "$"?no_esc>
<#assign boot = plan.boot()>
<@h.header comment="#"/>
# Needs: fdt_addr set to the board's device tree in memory.
<#if boot.dynamic()>
# Addressing is dynamic: each file goes 2 MiB-aligned after the one before, sizes from ${D}{filesize}.
setenv tess_next ${fmt.bare(boot.loadStart())}
<#list boot.loads() as m>
<#-- hush reads a line with a variable twice: the file name is escaped for that (UBootExpanded) -->
${boot.loadCommand()?no_esc} ${D}{tess_next} "<#outputformat "UBootExpanded">${m.file()}</#outputformat>"
setenv ${m.var()}_addr ${D}{tess_next}
setenv ${m.var()}_size ${D}{filesize}
setexpr tess_next ${D}{tess_next} + ${D}{filesize}
<#if m.kind().name() == "XEN">
# room for Xen's .bss beyond the file
setexpr tess_next ${D}{tess_next} + ${fmt.bare(8388608)}
</#if>
setexpr tess_next ${D}{tess_next} + 1fffff
setexpr tess_next ${D}{tess_next} / 200000
setexpr tess_next ${D}{tess_next} * 200000
</#list>
<#elseif boot.preloaded()>
<#list boot.loads() as m>
# "${m.file()}" is expected in memory at ${fmt.hex(m.address())} (${m.size()} bytes)
</#list>
<#else>
<#list boot.loads() as m>
${boot.loadCommand()?no_esc} ${fmt.hex(m.address())} "${m.file()}"
</#list>
</#if>

fdt addr ${D}{fdt_addr}
fdt resize ${fmt.hex(plan.hostTree().fdtRoom())}
<@dt.hostTree tree=plan.hostTree()/>

<#if boot.dynamic()>
${plan.arm32()?then("bootz", "booti")} 0x${D}{${plan.xen().image().var()}_addr} - ${D}{fdt_addr}
<#else>
${plan.arm32()?then("bootz", "booti")} ${fmt.hex(plan.xen().image().address())} - ${D}{fdt_addr}
</#if>
