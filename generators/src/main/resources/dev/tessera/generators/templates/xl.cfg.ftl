<#ftl output_format="XL" strip_whitespace=true>
<#import "header.ftl" as h>
<#import "xl-devices.ftl" as xl>
<#-- A domain dom0 starts with xl create (man xl.cfg). Device mappings come from the board, 1:1. -->
<@h.header comment="#"/>
name = "${d.name()}"
type = "pvh"
kernel = "${d.boot().kernel().file()}"
<#if d.boot().ramdisk()??>
ramdisk = "${d.boot().ramdisk().file()}"
</#if>
<#if d.boot().cmdline()?has_content>
extra = "${d.boot().cmdline()}"
</#if>
memory = ${d.memory().mib()}
vcpus = ${d.cpus().vcpus()}
<#if d.cpus().pin()?has_content>
cpus = "${d.cpus().pinList()}"
</#if>
<#if d.cpus().pool()??>
# the boot-time cpupool ${d.cpus().pool().name()}: xl/start-domains.sh names it before this domain is created
pool = "${d.cpus().pool().name()}"
</#if>
<#if d.memory().llcColors()??>
llc_colors = [ <#list d.memory().llcColors()?split(",") as c>"${c}"<#sep>, </#list> ]
</#if>
<#if d.devices().vuart()>
vuart = "sbsa_uart"
</#if>
<#if d.limits().grantFrames()??>
max_grant_frames = ${d.limits().grantFrames()}
</#if>
<#if d.limits().maptrackFrames()??>
max_maptrack_frames = ${d.limits().maptrackFrames()}
</#if>
<#if d.limits().spis()??>
nr_spis = ${d.limits().spis()}
</#if>
<#if d.limits().p2mPoolMib()??>
# the p2m pool: libxl sets Arm's paging mempool from it
shadow_memory = ${d.limits().p2mPoolMib()}
</#if>
<#if d.xl().onCrash()??>
on_crash = "${d.xl().onCrash()}"
</#if>
<#if d.xl().onReboot()??>
on_reboot = "${d.xl().onReboot()}"
</#if>
<#if d.xl().tee()??>
tee = "${d.xl().tee()}"
</#if>
<#if d.xl().seclabel()??>
seclabel = "${d.xl().seclabel()}"
</#if>
<#if d.driverDomain()>
# serves backends to other domains (run `xl devd` in it)
driver_domain = 1
</#if>
<#if d.boot().deviceTree()??>
device_tree = "${d.boot().generatedDeviceTree()?then(files.DOM0_XEN_DIR + d.boot().deviceTree().file(), d.boot().deviceTree().file())}"
</#if>
<#assign iommu = d.devices().passthrough()?filter(p -> p.behindIommu() && !p.window())>
<#if iommu?has_content>
dtdev = [ <#list iommu as p>"${p.hostPath()}"<#sep>, </#list> ]
</#if>
<#assign regs = []>
<#list d.devices().passthrough() as p><#list p.regs() as r><#assign regs = regs + [r]></#list></#list>
<#if regs?has_content>
iomem = [ <#list regs as r>"${fmt.page(r.base())},${fmt.pagesOf(r.base(), r.size())}@${fmt.page(r.guest())}"<#sep>, </#list> ]
</#if>
<#if d.devices().xlIrqs()?has_content>
irqs = [ <#list d.devices().xlIrqs() as i>${i}<#sep>, </#list> ]
</#if>
<#list ["DISK", "VIF", "VDISPL", "VKB", "P9", "VIRTIO"] as kind>
<#assign fs = d.pv().frontends()?filter(f -> f.kind().name() == kind)>
<#if fs?has_content>
${fs[0].kind().xl()} = [ <#list fs as f>"${xl.spec(f)?join(", ")}"<#sep>, </#list> ]
</#if>
</#list>
<#assign snd = d.pv().frontends()?filter(f -> f.kind().name() == "VSND")>
<#if snd?has_content>
vsnd = [ <#list snd as f>[ "CARD, ${xl.spec(f)?join(", ")}"<#list xl.soundItems(f) as i>, "${i}"</#list> ]<#sep>, </#list> ]
</#if>
