<#ftl output_format="Sh" strip_whitespace=true>
<#import "header.ftl" as h>
<#import "xl-devices.ftl" as xl>
<#-- dom0's script that starts the xl domains, every backend before the domains it serves. Names are
     validated (letters, digits, '_', '-', '.'), and each is quoted all the same. -->
#!/bin/sh
<@h.header comment="#"/>
# Attaches the PV devices of the domains Xen started at boot, then starts the domains dom0 creates with xl,
# in backend order: each domain after the domains that serve it.
# Copy xl/ to /etc/xen first.
set -e
wait_for() {
	i=0
	until xl list "$1" >/dev/null 2>&1; do
		i=$((i + 1)); [ "$i" -lt 120 ] || { echo "domain $1 did not start" >&2; exit 1; }
		sleep 1
	done
}
<#if plan.backends().servers()?has_content>
# a driver domain serves once its serve-<name>.sh ran (xl devd started, backend drivers and bridges there)
wait_serving() {
	# a driver domain that does not exist (or not by this name) is an error now, in xl's words, not after the wait
	id=$(xl domid "$1") || exit 1
	i=0
	until [ "$(xenstore-read "/local/domain/$id/${files.SERVING_KEY}" 2>/dev/null)" = 1 ]; do
		i=$((i + 1)); [ "$i" -lt 120 ] || { echo "driver domain $1 does not serve: run xl/serve-$1.sh in it" >&2; exit 1; }
		sleep 1
	done
}
</#if>
<#if plan.xlNamedPools()?has_content>
# Xen creates the boot-time cpupools from host.dtb and numbers them; xen-init-dom0 names each "Pool-<id>". xl finds a
# pool by name: give each pool an xl domain names its name, found by its CPUs (as xl cpupool-list -c prints them)
name_pool() {
	xl cpupool-list "$1" >/dev/null 2>&1 && return 0
	old=$(xl cpupool-list -c | awk -v cpus="$2" 'NR > 1 && $2 == cpus { print $1 }')
	[ -n "$old" ] || { echo "no cpupool has exactly CPUs $2 for $1: did Xen boot host.dtb's /chosen/cpupool-$1?" >&2; exit 1; }
	xl cpupool-rename "$old" "$1"
}
</#if>
<#if plan.xen().flask()??>
<#list plan.xen().flask().relabelled() as t>
# Xen started ${t.domain()} (domain ${t.id()}) at boot labelled unlabeled_t: its own type from the system's FLASK policy first
tessera-sched label ${t.id()} "${t.context()}"
</#list>
</#if>
<#list plan.xlNamedPools() as p>
name_pool "${p.name()}" "${p.xlCpuList()}"
</#list>
<#list plan.backends().xlNamedBoot() as d>
# Xen started ${d.name()} at boot with its PV interfaces as domain ${d.id()}; init-dom0less (run it first) names it
# dom0less-${d.id()}: give it its name, which the lines below and the backend= settings use
xl list "${d.name()}" >/dev/null 2>&1 || xl rename "dom0less-${d.id()}" "${d.name()}"
</#list>
<#list plan.bootDomains() as d>
<#if plan.backends().server(d.name())??>
wait_serving "${d.name()}"
</#if>
</#list>
<#assign attach = {"DISK": "block-attach", "VIF": "network-attach", "VDISPL": "vdispl-attach", "VKB": "vkb-attach"}>
<#list plan.bootDomains() as d>
<#list d.pv().frontends() as f>
<#assign k = f.kind().name()>
<#if attach[k]??>
# ${f.kind().xl()} of ${d.name()}, which Xen started at boot (its PV interfaces are on; run init-dom0less first)
xl ${attach[k]} "${d.name()}"<#list xl.spec(f) as s> "${s}"</#list>
<#elseif k == "VSND">
# sound card of ${d.name()}, which Xen started at boot: the card, then its PCM devices and streams, as in xl.cfg
xl vsnd-attach "${d.name()}" "CARD, ${xl.spec(f)?join(", ")}"<#list xl.soundItems(f) as i> "${i}"</#list>
</#if>
</#list>
</#list>
<#list plan.backends().startOrder() as name>
<#list plan.xlDomains() as d>
<#if d.name() == name>
xl create "${files.DOM0_XEN_DIR}${files.xlConfigName(d.name())}"
wait_for "${d.name()}"
<#if plan.backends().server(d.name())??>
wait_serving "${d.name()}"
</#if>
</#if>
</#list>
</#list>
<#list plan.schedules().arinc653() as a>
# the ARINC 653 schedule of ${a.pool()}: its partitions run only once it is in place (Xen takes it from dom0 only)
tessera-sched apply "${files.DOM0_XEN_DIR}${files.arinc653ScheduleName(a.pool())}"
</#list>
<#list plan.schedules().rtds() as r>
# ${r.domain()}: ${r.budgetUs()?c} us of CPU every ${r.periodUs()?c} us<#if r.extratime()>, and idle time beyond<#else>, never more</#if>
xl sched-rtds -d "${r.target()}" -v all -p ${r.periodUs()?c} -b ${r.budgetUs()?c} -e <#if r.extratime()>1<#else>0</#if>
</#list>
