<#ftl output_format="DTS" strip_whitespace=true>
<#import "header.ftl" as h>
<#import "chosen.dts.ftl" as dt>
<#-- The board's own device tree plus what the plan adds for Xen. With UEFI, modules are named for the EFI loader
     (xen,uefi-binary) instead of placed (reg), and dom0's modules and Xen's command line come from xen.cfg. -->
<@h.header comment="//"/>
/dts-v1/;
/include/ "${files.BOARD_DTS}"

<@dt.hostTree tree=uefi?then(plan.uefiHostTree(), plan.hostTree())/>
