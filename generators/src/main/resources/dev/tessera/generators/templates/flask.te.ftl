<#ftl output_format="plainText" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- The system's FLASK module, written with the macros of the target Xen's own policy (tools/flask/policy/modules/xen.if)
     and compiled against that Xen's sources. Only identifiers Tessera derives ([A-Za-z0-9_]) and, in comments, the names
     of domains and devices (the language's names: letters, digits, '_' and '-') reach it: nothing to escape for m4. -->
<#assign f = plan.xen().flask()>
<@h.header comment="#"/>
# The least-privilege policy of this system: a type per domain; a permission between two domains only where the
# system declares what needs it. Xen's modules xen, dom0 and all_system_role come with it (modules.conf).

# Types Xen's initial SIDs name, given nothing: no domain of this system has them
declare_domain(domU_t)
declare_domain(dm_dom_t)

# What every domain may ask of Xen itself (its version, its console)
allow domain_type xen_t:version { xen_extraversion xen_compile_info xen_capabilities xen_changeset xen_pagesize xen_guest_handle };
dontaudit domain_type xen_t:version { xen_commandline xen_build_id };
allow domain_type xen_t:xen writeconsole;
<#if plan.dom0()??>

# dom0's tools list every domain, Xen's own included
allow dom0_t domxen_t:domain getdomaininfo;
</#if>

# One type per domain; each may share grants and event channels with itself
<#list f.types() as t>
declare_domain(${t.type()})
domain_self_comms(${t.type()})
</#list>
<#list f.allows() as a>

<#assign from = f.typeOf(a.from(), plan.dom0()?? && a.from() == plan.dom0().name())>
<#assign to = f.typeOf(a.to(), plan.dom0()?? && a.to() == plan.dom0().name())>
<#if a.kind().key() == "control">
# ${a.to()}: ${a.why()}
create_domain(${from}, ${to})
manage_domain(${from}, ${to})
domain_comms(${from}, ${to})
<#elseif a.kind().key() == "serve">
# ${a.why()} to ${a.to()}: ${a.from()} maps ${a.to()}'s grants, ${a.to()} copies to and from ${a.from()}'s (netfront);
# both bind the device's event channels
domain_event_comms(${from}, ${to})
allow ${from} ${to}:grant { map_read map_write copy unmap };
allow ${to} ${from}:grant copy;
<#elseif a.kind().key() == "event-channel">
# ${a.why()}
domain_event_comms(${from}, ${to})
<#elseif a.kind().key() == "devices">
# ${a.from()}: ${a.why()}
use_device_iommu(${from}, irq_t)
use_device_iommu(${from}, iomem_t)
</#if>
</#list>
