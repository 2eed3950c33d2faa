<#ftl output_format="DTS" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- The board's own device tree plus Xen's /chosen. With uefi=true, modules are named for the EFI loader
     (xen,uefi-binary) instead of placed (reg), and dom0's modules and Xen's command line come from xen.cfg. -->
<@h.header comment="//"/>
/dts-v1/;
/include/ "${boardFile}"

/ {
	chosen {
		#address-cells = <0x2>;
		#size-cells = <0x2>;
<#if !uefi>
		xen,xen-bootargs = "${plan.xenCmdline()}";
<#if plan.dom0()??>
<#assign d0 = plan.dom0()>
<@module node="dom0-kernel" m=d0.kernel() args=d0.cmdline()!""/>
<#if d0.ramdisk()??><@module node="dom0-ramdisk" m=d0.ramdisk()/></#if>
</#if>
</#if>
<#list plan.eventChannels() as e>
<#if !e.aDomain()??><@evtchn port=e.aPort() remote=e.bPath() t="\t\t"/></#if>
<#if !e.bDomain()??><@evtchn port=e.bPort() remote=e.aPath() t="\t\t"/></#if>
</#list>
<#list plan.cpupools() as pool>

		${pool.nodeName()} {
			compatible = "xen,cpupool";
			cpupool-cpus = <<#list pool.cpuPaths() as p>&{${p}}<#sep> </#list>>;
<#if pool.scheduler()??>
			cpupool-sched = "${pool.scheduler()}";
</#if>
		};
</#list>
<#list plan.bootDomains() as d>

		${d.name()} {
			compatible = "xen,domain";
			#address-cells = <0x2>;
			#size-cells = <0x2>;
			memory = <${fmt.cells2(d.memoryKib())}>;
			cpus = <${fmt.hex(d.vcpus())}>;
<#if d.vuart()>
			vpl011;
</#if>
<#if d.enhanced()>
			xen,enhanced = "enabled";
</#if>
<#if d.staticMemory()?has_content>
			xen,static-mem = <<#list d.staticMemory() as r>${fmt.cells2(r.base())} ${fmt.cells2(r.size())}<#sep> </#list>>;
</#if>
<#if d.directMap()>
			direct-map;
</#if>
<#if d.cpupool()??>
			domain-cpupool = <&{/chosen/${d.cpupool().nodeName()}}>;
</#if>
<#-- pinning of a domain Xen starts at boot: xen,vcpu nodes (validation allows it from Xen 4.21 on) -->
<#list 0..<d.vcpus() as i>
<#if d.pin()?has_content>
			vcpu${i} {
				compatible = "xen,vcpu";
				id = <${fmt.hex(i)}>;
				hard-affinity = "${d.pinList()}";
			};
</#if>
</#list>
<#list plan.eventChannels() as e>
<#if (e.aDomain()!"") == d.name()><@evtchn port=e.aPort() remote=e.bPath() t="\t\t\t"/></#if>
<#if (e.bDomain()!"") == d.name()><@evtchn port=e.bPort() remote=e.aPath() t="\t\t\t"/></#if>
</#list>
<#list d.sharedMemory() as m>
			shared-mem@${fmt.bare(m.hostAddress())} {
				compatible = "xen,domain-shared-memory-v1";
				role = "${m.role()}";
				xen,shm-id = "${m.id()}";
				xen,shared-mem = <${fmt.cells2(m.hostAddress())} ${fmt.cells2(m.guestAddress())} ${fmt.cells2(m.size())}>;
			};
</#list>
<@module node="kernel" m=d.kernel() args=d.cmdline()!"" t="\t\t\t"/>
<#if d.ramdisk()??><@module node="ramdisk" m=d.ramdisk() t="\t\t\t"/></#if>
<#if d.deviceTree()??><@module node="device-tree" m=d.deviceTree() uefiName=(d.generatedDeviceTree()?then(d.name() + ".dtb", "")) t="\t\t\t"/></#if>
		};
</#list>
	};
};
<#list plan.hostPassthrough() as path>

&{${path}} {
	xen,passthrough;
};
</#list>
<#macro module node m args="" uefiName="" t="\t\t">
<#assign compat = {"kernel": "multiboot,kernel", "ramdisk": "multiboot,ramdisk", "device-tree": "multiboot,device-tree"}>
${t?no_esc}${node} {
${t?no_esc}	compatible = "${compat[m.kind()]}", "multiboot,module";
<#if uefi>
${t?no_esc}	xen,uefi-binary = "${(uefiName != "")?then(uefiName, m.file())}";
<#else>
${t?no_esc}	reg = <${fmt.cells2(m.address())} ${fmt.cells2(m.size())}>;
</#if>
<#if args?has_content>
${t?no_esc}	bootargs = "${args}";
</#if>
${t?no_esc}};
</#macro>
<#-- a static event channel's end: its local port and the phandle of the other end's node -->
<#macro evtchn port remote t>
${t?no_esc}evtchn@${fmt.bare(port)} {
${t?no_esc}	compatible = "xen,evtchn-v1";
${t?no_esc}	xen,evtchn = <${fmt.hex(port)} &{${remote}}>;
${t?no_esc}};
</#macro>
