<#-- xl's device specs (man xl.cfg: disk, vif, vdispl, vsnd, vkb, p9, virtio), spelled once for xl.cfg and for
     dom0's xl *-attach lines: each device as its KEY=VALUE items in xl's order. The caller's output format escapes
     them. -->
<#function spec f>
<#local k = f.kind().name()>
<#local s = []>
<#if k == "P9"><#local s = s + ["tag=" + f.tag()]></#if>
<#if !f.servedByDom0()><#local s = s + ["backend=" + f.backend()]></#if>
<#if k == "DISK">
<#-- xl wants target last -->
<#local s = s + ["vdev=" + f.vdev(), "format=" + f.format(), "access=" + f.readonly()?then("ro", "rw")]>
<#if f.target()??><#local s = s + ["target=" + f.target()]></#if>
<#elseif k == "VIF">
<#if f.mac()??><#local s = s + ["mac=" + f.mac()]></#if>
<#if f.bridge()??><#local s = s + ["bridge=" + f.bridge()]></#if>
<#elseif k == "VDISPL">
<#if f.backendAllocates()><#local s = s + ["be-alloc=1"]></#if>
<#local s = s + ["connectors=" + connectors(f)?join(";")]>
<#elseif k == "VSND">
<#local s = s + ["short-name=" + f.card()]>
<#elseif k == "VKB">
<#-- xl requires it: the backend is a Linux user-space one (Xen's kbdif protocol), not QEMU -->
<#local s = s + ["backend-type=linux"]>
<#if !f.keyboard()><#local s = s + ["feature-disable-keyboard=1"]></#if>
<#if !f.pointer()><#local s = s + ["feature-disable-pointer=1"]></#if>
<#if f.touch()??>
<#local t = f.touch()>
<#local s = s + ["unique-id=" + t.id(), "feature-multi-touch=1", "multi-touch-width=" + t.width(), "multi-touch-height=" + t.height(),
		"multi-touch-num-contacts=" + t.contacts()?c]>
</#if>
<#elseif k == "P9">
<#local s = s + ["path=" + f.path(), "security_model=none"]>
<#elseif k == "VIRTIO">
<#local s = s + ["type=" + f.type(), "transport=mmio"]>
<#if f.grants()??><#local s = s + ["grant_usage=" + f.grants()?then("1", "0")]></#if>
</#if>
<#return s>
</#function>
<#-- a display's connectors, ID:WIDTHxHEIGHT -->
<#function connectors f>
<#local s = []>
<#list f.connectors() as c><#local s = s + [c.name() + ":" + c.resolution()]></#list>
<#return s>
</#function>
<#-- a sound card's items after the card itself: each PCM device and its stream (p: playback, c: capture) -->
<#function soundItems f>
<#local s = []>
<#list f.streams() as p><#local s = s + ["PCM, name=" + p.name(), "STREAM, unique-id=" + p.name() + ", type=" + p.capture()?then("c", "p")]></#list>
<#return s>
</#function>
