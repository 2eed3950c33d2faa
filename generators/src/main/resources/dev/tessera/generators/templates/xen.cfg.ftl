<#ftl output_format="XenCfg" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- UEFI: Xen as an EFI application reads this file from beside xen.efi (docs/misc/efi.pandoc). -->
<@h.header comment="#"/>
[global]
default=xen

[xen]
options=${plan.xen().cmdline()}
<#if plan.dom0()??>
<#assign d0 = plan.dom0()>
kernel=${d0.boot().kernel().file()}<#if d0.boot().cmdline()?has_content> ${d0.boot().cmdline()}</#if>
<#if d0.boot().ramdisk()??>
ramdisk=${d0.boot().ramdisk().file()}
</#if>
</#if>
<#if plan.xen().flask()??>
xsm=${files.XEN_POLICY}
</#if>
dtb=${files.HOST_DTB}
