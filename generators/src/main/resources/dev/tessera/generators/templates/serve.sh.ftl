<#ftl output_format="Sh" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- What a driver domain runs once it has booted, before anything it serves may connect: its kernel's backend
     drivers, the bridges its served network interfaces join, xl devd (which runs the hotplug scripts), then a line in
     its own xenstore directory that dom0's start-domains.sh waits for. -->
#!/bin/sh
<@h.header comment="#"/>
# Run in driver domain ${s.domain()} once it has booted, with the Xen tools (xl, xenstore-write) in its image. It serves:
<#list s.serves() as x>
#   ${x.kind().xl()} of ${x.frontend()}
</#list>
# dom0's start-domains.sh creates or attaches none of them before this script says so in xenstore.
<#if s.userSpaceBackends()>
# Its displays, sound and input are served by user-space backends of the image: start them before this script.
</#if>
set -e
<#list s.kernelDrivers() as k>
[ -d "/sys/bus/xen-backend/drivers/${k.busName()}" ] || modprobe "${k.module()}" || { echo "no ${k.module()}: cannot serve" >&2; exit 1; }
</#list>
<#list s.bridges() as b>
# served network interfaces join bridge ${b}: the image makes it
i=0
until [ -d "/sys/class/net/${b}/bridge" ]; do
	i=$((i + 1)); [ "$i" -lt 60 ] || { echo "bridge ${b} does not exist: cannot serve" >&2; exit 1; }
	sleep 1
done
</#list>
xl devd
xenstore-write "${files.SERVING_KEY}" 1
