<#ftl output_format="XL" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- A domain dom0 starts with xl create (man xl.cfg). Device mappings come from the board, 1:1. -->
<@h.header comment="#"/>
name = "${d.name()}"
type = "pvh"
kernel = "${d.kernel().file()}"
<#if d.ramdisk()??>
ramdisk = "${d.ramdisk().file()}"
</#if>
<#if d.cmdline()?has_content>
extra = "${d.cmdline()}"
</#if>
memory = ${d.memoryMib()}
vcpus = ${d.vcpus()}
<#if d.pin()?has_content>
cpus = "${d.pinList()}"
</#if>
<#if d.vuart()>
vuart = "sbsa_uart"
</#if>
<#if d.driverDomain()>
# serves backends to other domains (run `xl devd` in it)
driver_domain = 1
</#if>
<#if d.deviceTree()??>
device_tree = "${d.generatedDeviceTree()?then("/etc/xen/" + d.deviceTree().file(), d.deviceTree().file())}"
</#if>
<#assign iommu = d.passthrough()?filter(p -> p.behindIommu() && !p.window())>
<#if iommu?has_content>
dtdev = [ <#list iommu as p>"${p.hostPath()}"<#sep>, </#list> ]
</#if>
<#assign regs = []>
<#list d.passthrough() as p><#list p.regs() as r><#assign regs = regs + [r]></#list></#list>
<#if regs?has_content>
iomem = [ <#list regs as r>"${fmt.page(r.base())},${fmt.pagesOf(r.base(), r.size())}@${fmt.page(r.guest())}"<#sep>, </#list> ]
</#if>
<#if d.xlIrqs()?has_content>
irqs = [ <#list d.xlIrqs() as i>${i}<#sep>, </#list> ]
</#if>
<#macro spec f><#list f.settings() as s>${s.key()}=${s.value()}<#sep>, </#list></#macro>
<#list ["disk", "vif", "vdispl", "vkb", "p9", "virtio"] as kind>
<#if d.frontendsOf(kind)?has_content>
${kind} = [ <#list d.frontendsOf(kind) as f>"<@spec f/>"<#sep>, </#list> ]
</#if>
</#list>
<#if d.frontendsOf("vsnd")?has_content>
vsnd = [ <#list d.frontendsOf("vsnd") as f>[ "CARD, <@spec f/>"<#list f.items() as i>, "${i}"</#list> ]<#sep>, </#list> ]
</#if>
