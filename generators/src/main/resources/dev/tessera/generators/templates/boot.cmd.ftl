<#ftl output_format="UBoot" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- U-Boot: load every file (or expect it in memory), describe the system under /chosen of the firmware's
     device tree with fdt commands, start Xen. Every value is quoted and escaped; names and paths too. -->
<#assign D = "$"?no_esc>
<#assign dyn = plan.dynamic()>
<@h.header comment="#"/>
# Needs: fdt_addr set to the board's device tree in memory.
<#if dyn>
# Addressing is dynamic: each file goes 2 MiB-aligned after the one before, sizes from ${D}{filesize}.
setenv tess_next ${fmt.bare(plan.loadStart())}
<#list plan.loads() as m>
${plan.loadCommand()?no_esc} ${D}{tess_next} "${m.file()}"
setenv ${m.var()}_addr ${D}{tess_next}
setenv ${m.var()}_size ${D}{filesize}
setexpr tess_next ${D}{tess_next} + ${D}{filesize}
<#if m.kind() == "xen">
# room for Xen's .bss beyond the file
setexpr tess_next ${D}{tess_next} + ${fmt.bare(8388608)}
</#if>
setexpr tess_next ${D}{tess_next} + 1fffff
setexpr tess_next ${D}{tess_next} / 200000
setexpr tess_next ${D}{tess_next} * 200000
</#list>
<#elseif plan.preloaded()>
<#list plan.loads() as m>
# "${m.file()}" is expected in memory at ${fmt.hex(m.address())} (${m.size()} bytes)
</#list>
<#else>
<#list plan.loads() as m>
${plan.loadCommand()?no_esc} ${fmt.hex(m.address())} "${m.file()}"
</#list>
</#if>

fdt addr ${D}{fdt_addr}
fdt resize 65536
fdt set /chosen \#address-cells <0x2>
fdt set /chosen \#size-cells <0x2>
fdt set /chosen xen,xen-bootargs "${plan.xenCmdline()}"
<#if plan.dom0()??>
<#assign d0 = plan.dom0()>
<@module parent="/chosen" node="dom0-kernel" m=d0.kernel() args=d0.cmdline()!""/>
<#if d0.ramdisk()??><@module parent="/chosen" node="dom0-ramdisk" m=d0.ramdisk()/></#if>
</#if>
<#list plan.eventChannels() as e>
<#if !e.aDomain()??><@evtchn parent="/chosen" port=e.aPort() phandle=e.aPhandle() remote=e.bPhandle()/></#if>
<#if !e.bDomain()??><@evtchn parent="/chosen" port=e.bPort() phandle=e.bPhandle() remote=e.aPhandle()/></#if>
</#list>
<#list plan.cpupools() as pool>

fdt mknod /chosen "${pool.nodeName()}"
fdt set "/chosen/${pool.nodeName()}" compatible "xen,cpupool"
fdt set "/chosen/${pool.nodeName()}" phandle <${fmt.hex(pool.phandle())}>
<#list pool.cpuPaths() as p>
fdt get value tess_cpu${p?index} "${p}" phandle
</#list>
fdt set "/chosen/${pool.nodeName()}" cpupool-cpus <<#list pool.cpuPaths() as p>${D}{tess_cpu${p?index}}<#sep> </#list>>
<#if pool.scheduler()??>
fdt set "/chosen/${pool.nodeName()}" cpupool-sched "${pool.scheduler()}"
</#if>
</#list>
<#-- fdt mknod puts a node before its siblings and Xen numbers dom0less domains in tree order:
     create them last to first so the first declared is domain 1. -->
<#list plan.bootDomains()?reverse as d>
<#assign n = "/chosen/" + d.name()>

fdt mknod /chosen "${d.name()}"
fdt set "${n}" compatible "xen,domain"
fdt set "${n}" \#address-cells <0x2>
fdt set "${n}" \#size-cells <0x2>
fdt set "${n}" memory <${fmt.cells2(d.memoryKib())}>
fdt set "${n}" cpus <${fmt.hex(d.vcpus())}>
<#if d.vuart()>
fdt set "${n}" vpl011
</#if>
<#if d.enhanced()>
fdt set "${n}" xen,enhanced "enabled"
</#if>
<#if d.staticMemory()?has_content>
fdt set "${n}" xen,static-mem <<#list d.staticMemory() as r>${fmt.cells2(r.base())} ${fmt.cells2(r.size())}<#sep> </#list>>
</#if>
<#if d.directMap()>
fdt set "${n}" direct-map
</#if>
<#if d.cpupool()??>
fdt set "${n}" domain-cpupool <${fmt.hex(d.cpupool().phandle())}>
</#if>
<#if d.pin()?has_content>
<#list 0..<d.vcpus() as i>
fdt mknod "${n}" "vcpu${i}"
fdt set "${n}/vcpu${i}" compatible "xen,vcpu"
fdt set "${n}/vcpu${i}" id <${fmt.hex(i)}>
fdt set "${n}/vcpu${i}" hard-affinity "${d.pinList()}"
</#list>
</#if>
<#list plan.eventChannels() as e>
<#if (e.aDomain()!"") == d.name()><@evtchn parent=n port=e.aPort() phandle=e.aPhandle() remote=e.bPhandle()/></#if>
<#if (e.bDomain()!"") == d.name()><@evtchn parent=n port=e.bPort() phandle=e.bPhandle() remote=e.aPhandle()/></#if>
</#list>
<#list d.sharedMemory() as m>
<#assign shm = n + "/shared-mem@" + fmt.bare(m.hostAddress())>
fdt mknod "${n}" "shared-mem@${fmt.bare(m.hostAddress())}"
fdt set "${shm}" compatible "xen,domain-shared-memory-v1"
fdt set "${shm}" role "${m.role()}"
fdt set "${shm}" xen,shm-id "${m.id()}"
fdt set "${shm}" xen,shared-mem <${fmt.cells2(m.hostAddress())} ${fmt.cells2(m.guestAddress())} ${fmt.cells2(m.size())}>
</#list>
<@module parent=n node="kernel" m=d.kernel() args=d.cmdline()!""/>
<#if d.ramdisk()??><@module parent=n node="ramdisk" m=d.ramdisk()/></#if>
<#if d.deviceTree()??><@module parent=n node="device-tree" m=d.deviceTree()/></#if>
</#list>
<#list plan.hostPassthrough() as path>
fdt set "${path}" xen,passthrough
</#list>

<#if dyn>
${("arm32" == plan.arch())?then("bootz", "booti")} 0x${D}{${plan.xen().var()}_addr} - ${D}{fdt_addr}
<#else>
${("arm32" == plan.arch())?then("bootz", "booti")} ${fmt.hex(plan.xen().address())} - ${D}{fdt_addr}
</#if>
<#macro module parent node m args="">
<#assign compat = {"kernel": "multiboot,kernel", "ramdisk": "multiboot,ramdisk", "device-tree": "multiboot,device-tree"}>
fdt mknod "${parent}" "${node}"
fdt set "${parent}/${node}" compatible "${compat[m.kind()]}" "multiboot,module"
<#if dyn>
fdt set "${parent}/${node}" reg <0x0 0x${D}{${m.var()}_addr} 0x0 0x${D}{${m.var()}_size}>
<#else>
fdt set "${parent}/${node}" reg <${fmt.cells2(m.address())} ${fmt.cells2(m.size())}>
</#if>
<#if args?has_content>
fdt set "${parent}/${node}" bootargs "${args}"
</#if>
</#macro>
<#-- a static event channel's end; both ends get phandles Tessera chose, so either may be created first -->
<#macro evtchn parent port phandle remote>
<#assign node = parent + "/evtchn@" + fmt.bare(port)>
fdt mknod "${parent}" "evtchn@${fmt.bare(port)}"
fdt set "${node}" compatible "xen,evtchn-v1"
fdt set "${node}" phandle <${fmt.hex(phandle)}>
fdt set "${node}" xen,evtchn <${fmt.hex(port)} ${fmt.hex(remote)}>
</#macro>
