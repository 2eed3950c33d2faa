<#ftl output_format="plainText" strip_whitespace=true>
<#import "header.ftl" as h>
<#-- The modules the policy is made of, in the format of Xen's tools/flask/policy/modules/modules.conf. -->
<@h.header comment="#"/>
# Xen's own modules (from the Xen source tree the policy is compiled against), then this system's (tessera.te).
<#list xenModules as m>
${m} = on
</#list>
${ownModule} = on
