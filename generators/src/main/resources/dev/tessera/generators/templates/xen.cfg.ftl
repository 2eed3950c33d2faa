<#ftl output_format="XenCfg" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- UEFI: Xen as an EFI application reads this file from beside xen.efi (docs/misc/efi.pandoc). -->
<@h.header comment="#"/>
[global]
default=xen

[xen]
options=${plan.xenCmdline()}
<#if plan.dom0()??>
<#assign d0 = plan.dom0()>
kernel=${d0.kernel().file()}<#if d0.cmdline()?has_content> ${d0.cmdline()}</#if>
<#if d0.ramdisk()??>
ramdisk=${d0.ramdisk().file()}
</#if>
</#if>
dtb=host.dtb
