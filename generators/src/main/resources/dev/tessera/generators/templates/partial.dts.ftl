<#ftl output_format="DTS" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- The partial device tree of one domain: the host devices it is given (docs/misc/arm/passthrough.txt).
     Device registers keep their host addresses; a GPU's OSID register bank sits where the GPU's registers start.
     For a dom0less domain Xen also needs xen,reg, xen,path and the /gic placeholder; an xl domain gets its
     mappings from iomem= and irqs= in its xl config. An OSID bank has no xen,path: Xen then maps the registers
     without assigning the device, which stays with the GPU's host (xen/arch/arm/domain_build.c,
     handle_passthrough_prop). The node of a GPU stream (a node Tessera adds beside the GPU in the host tree, with
     only iommus) has no registers: its empty xen,reg and its xen,path assign it, and with it the IOMMU context.
     A device whose clocks are fixed clocks of the board gets a copy of each under /passthrough, the only node Xen
     (domain_handle_dtb_bootmodule) and xl (copy_partial_fdt) copy into the guest, phandle included; a node beside
     it would be dropped. -->
<@h.header comment="//"/>
// Partial device tree of domain ${d.name()}.
/dts-v1/;

/ {
	#address-cells = <0x2>;
	#size-cells = <0x2>;
<#if dom0less>

	gic: gic {
		#interrupt-cells = <0x3>;
		interrupt-controller;
	};
</#if>

	passthrough {
		compatible = "simple-bus";
		ranges;
		#address-cells = <0x2>;
		#size-cells = <0x2>;
<#list d.devices().clocks() as c>

		${c.label()}: ${c.nodeName()} {
			compatible = "fixed-clock";
			#clock-cells = <${fmt.hex(c.cells())}>;
			clock-frequency = <<#list c.hzCells() as x>${x?c}<#sep> </#list>>;
<#if c.outputNames()?has_content>
			clock-output-names = <#list c.outputNames() as n>"${n}"<#sep>, </#list>;
</#if>
		};
</#list>
<#-- the node of a GPU stream is only there to carry xen,path: an xl domain gets it with dtdev -->
<#list d.devices().passthrough()?filter(p -> dom0less || !p.stream()??) as p>

		${p.nodeName()} {
<#if p.compatible()?has_content>
			compatible = <#list p.compatible() as c>"${c}"<#sep>, </#list>;
</#if>
<#if p.regs()?has_content>
			reg = <<#list p.regs() as r>${fmt.cells2(r.guest())} ${fmt.cells2(r.size())}<#sep> </#list>>;
</#if>
<#if p.irqs()?has_content>
<#if dom0less>
			interrupt-parent = <&gic>;
</#if>
			interrupts = <<#list p.irqs() as i>${fmt.hex(i.type())} ${fmt.hex(i.number())} ${fmt.hex(i.flags())}<#sep> </#list>>;
</#if>
<#if p.clocks()?has_content>
			clocks = <#list p.clocks() as c><&${c.label()}<#list c.cells() as x> ${fmt.hex(x)}</#list>><#sep>, </#list>;
</#if>
<#if p.clockNames()?has_content>
			clock-names = <#list p.clockNames() as n>"${n}"<#sep>, </#list>;
</#if>
<#if dom0less>
			xen,reg = <<#list p.regs() as r>${fmt.pageCells(r.base())} ${fmt.pagesCells(r.base(), r.size())} ${fmt.pageCells(r.guest())}<#sep> </#list>>;
<#if !p.window()>
			xen,path = "${p.hostPath()}";
</#if>
<#if !p.behindIommu()>
			xen,force-assign-without-iommu;
</#if>
</#if>
		};
</#list>
	};
};
