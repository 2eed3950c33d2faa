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
<#if f.relabelled()?has_content>

# Xen starts <#list f.relabelled() as t>${t.domain()}<#sep>, </#list> at boot labelled unlabeled_t (it reads no label for them):
# Xen may build them, dom0 set them up (init-dom0less) and give each its own type (tessera-sched label) before
# anything else talks to it. Channels Xen opened for them at boot keep the boot-time type.
typeattribute unlabeled_t domain_type;
type unlabeled_t_channel, event_type;
type_transition unlabeled_t domain_type:event unlabeled_t_channel;
xen_build_domain(unlabeled_t)
# what a domain asks about itself as its kernel starts (grant table, physmap, its parameters), maybe before dom0
# relabels it: the policy cannot tell two unlabeled domains apart, so this holds between them for that while
declare_domain_common(unlabeled_t, unlabeled_t)
create_domain(dom0_t, unlabeled_t)
manage_domain(dom0_t, unlabeled_t)
domain_comms(dom0_t, unlabeled_t)
allow dom0_t unlabeled_t:domain2 relabelfrom;
<#if f.bootChannels()>
# the system's static event channels, which Xen binds at boot between unlabeled domains
create_channel(unlabeled_t, unlabeled_t, unlabeled_t_channel)
</#if>
<#list f.relabelled() as t>
allow dom0_t ${t.type()}:domain2 relabelto;
allow unlabeled_t ${t.type()}:domain transition;
allow ${t.type()} unlabeled_t_channel:event { send status };
</#list>
</#if>
<#list f.allows() as a>

<#assign from = f.typeOf(a.from(), plan.dom0()?? && a.from() == plan.dom0().name())>
<#assign to = f.typeOf(a.to(), plan.dom0()?? && a.to() == plan.dom0().name())>
<#if a.kind().key() == "control">
# ${a.to()}: ${a.why()}
create_domain(${from}, ${to})
manage_domain(${from}, ${to})
domain_comms(${from}, ${to})
<#elseif a.kind().key() == "manage">
# ${a.to()}: ${a.why()}
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
