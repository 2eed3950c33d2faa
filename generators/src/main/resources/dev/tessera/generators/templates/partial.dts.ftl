<#ftl output_format="DTS" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- The partial device tree of one domain: the host devices it is given (docs/misc/arm/passthrough.txt).
     Device registers keep their host addresses; a GPU's OSID register bank sits where the GPU's registers start.
     For a dom0less domain Xen also needs xen,reg, xen,path and the /gic placeholder; an xl domain gets its
     mappings from iomem= and irqs= in its xl config. An OSID bank has no xen,path: Xen then maps the registers
     without assigning the device, which stays with the GPU's host (xen/arch/arm/domain_build.c,
     handle_passthrough_prop). -->
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
<#list d.devices().passthrough() as p>

		${p.nodeName()} {
<#if p.compatible()?has_content>
			compatible = <#list p.compatible() as c>"${c}"<#sep>, </#list>;
</#if>
			reg = <<#list p.regs() as r>${fmt.cells2(r.guest())} ${fmt.cells2(r.size())}<#sep> </#list>>;
<#if p.irqs()?has_content>
<#if dom0less>
			interrupt-parent = <&gic>;
</#if>
			interrupts = <<#list p.irqs() as i>${fmt.hex(i.type())} ${fmt.hex(i.number())} ${fmt.hex(i.flags())}<#sep> </#list>>;
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
