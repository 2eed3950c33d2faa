<#ftl output_format="XenCfg" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- An ARINC 653 schedule as dom0's tessera-sched reads it (dom0-tools/tessera-sched/README.md): the slots back to back
     from the start of the major frame, in nanoseconds. Domains are names (checked: letters, digits, '_', '-', '.') or ids. -->
<@h.header comment="#"/>
# The schedule of ${a.pool()}: ${a.slots()?size} slots in a major frame of ${a.majorFrameUs()?c} us (utilisation ${a.utilisation()?string("0.00")}).
# dom0 puts it in place with: tessera-sched apply ${files.DOM0_XEN_DIR}${files.arinc653ScheduleName(a.pool())}
major_frame_ns ${(a.majorFrameUs() * 1000)?c}
<#list a.entries() as x>
<#if x.idle()>
idle ${(x.lengthUs() * 1000)?c}
<#else>
entry ${x.target()} 0 ${(x.lengthUs() * 1000)?c}
</#if>
</#list>
