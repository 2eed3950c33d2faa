package dev.tessera.core.rules.xen;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;
import dev.tessera.core.plan.FlaskPlan;
import dev.tessera.core.rules.Rule;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Domain;
import dev.tessera.model.Start;
import dev.tessera.model.System;
import dev.tessera.model.XenSettings;
import dev.tessera.model.Xsm;

/**
 * The security module a system chooses ({@code xen { xsm ... }}), and with FLASK the labels of its domains. Xen 4.17 to
 * 4.21 label a domain they start at boot "unlabeled" (flask_domain_alloc_security in xen/xsm/flask/hooks.c: only dom0
 * gets a label of its own, and booting.txt has no label property): dom0's start script relabels each to its type
 * (tessera-sched label), so without a control domain nothing could; xl creates its domains with their type.
 */
public final class XsmIsConsistent extends Rule {
	static final RuleInfo CMDLINE = new RuleInfo("xsm.cmdline", Section.XEN, Severity.ERROR,
			"The security module is chosen once",
			"'xsm dummy|silo|flask' in the xen block writes xsm= (and flask=) on Xen's command line; the same options in "
					+ "cmdline would contradict or repeat it.");
	static final RuleInfo BOOT_DOMAIN = new RuleInfo("xsm.flask-boot-domain", Section.XEN, Severity.ERROR,
			"With FLASK every domain gets a label of its own",
			"Xen 4.17 to 4.21 give every domain they start at boot, but dom0, the label \"unlabeled\"; dom0's generated start "
					+ "script gives each its own type (tessera-sched label) before anything else talks to it. Without a control "
					+ "domain nobody can: the policy could not tell those domains apart. Add a control domain, or start the "
					+ "domains with xl.");
	static final RuleInfo SECLABEL = new RuleInfo("xsm.flask-seclabel", Section.XEN, Severity.ERROR,
			"With 'xsm flask' Tessera labels the domains",
			"The generated policy gives each domain a type named after it and xl creates the domain with it; a seclabel of the "
					+ "user's would name a type the policy does not have.");
	static final RuleInfo TYPE = new RuleInfo("xsm.flask-type", Section.XEN, Severity.ERROR,
			"Each domain's FLASK type is its own",
			"A domain's type is its name with '-' made '_', then \"_t\": two domains whose names differ only there, or a name "
					+ "that gives one of the types of Xen's own policy (xen, xenboot, dom0, domio, domxen, unlabeled, security, "
					+ "domU, dm_dom, irq, ioport, iomem, device), would share a type.");

	static final RuleInfo VUART = new RuleInfo("xsm.flask-vuart", Section.XEN, Severity.ERROR,
			"With FLASK before Xen 4.20 no xl domain has a virtual UART",
			"Xen 4.17's FLASK hook denies XEN_DOMCTL_vuart_op as an unknown domctl whatever the policy says (\"FLASK: Denying "
					+ "unknown domctl: 81\", xen/xsm/flask/hooks.c), so xl cannot create a domain with vuart (Xen gives a domain it starts at boot its UART without that domctl); Xen 4.20's checks it "
					+ "against the policy. Say 'vuart off' (the domain keeps its PV console, hvc0) or target Xen 4.20.");

	/** The types of Xen's own modules the policy includes, and those Tessera declares (domU_t, dm_dom_t). */
	static final Set<String> RESERVED = Set.of("xen_t", "xenboot_t", "dom0_t", "domio_t", "domxen_t", "unlabeled_t", "security_t",
			"domU_t", "dm_dom_t", "irq_t", "ioport_t", "iomem_t", "device_t");

	public XsmIsConsistent() {
		super(CMDLINE, BOOT_DOMAIN, SECLABEL, TYPE, VUART);
	}

	@Override
	public void check(System s, Findings out) {
		XenSettings x = s.getXen();
		if (x == null || !x.isSetXsm()) return;
		String cmdline = x.getCmdline() == null ? "" : x.getCmdline();
		for (String option : cmdline.trim().split("\\s+"))
			if (option.startsWith("xsm=") || option.startsWith("flask="))
				out.report(CMDLINE, x, XEN_SETTINGS__CMDLINE, "Xen's cmdline says '" + option + "' and the xen block says 'xsm "
						+ x.getXsm().getLiteral() + "': keep only the xsm line");
		if (x.getXsm() != Xsm.FLASK) return;
		Map<String, Domain> types = new HashMap<>();
		for (Domain d : s.getDomains()) {
			Start start = Systems.startOf(d);
			if (start == Start.DOM0 || d.getName() == null) continue; // a half-written domain: its type is not known yet
			if (start == Start.BOOT && Systems.dom0(s).isEmpty())
				out.report(BOOT_DOMAIN, d, NAMED__NAME, "domain '" + d.getName() + "' is started by Xen at boot, which labels it "
						+ "\"unlabeled\" (Xen " + Systems.xenVersion(s) + "), and the system has no control domain to give it its own "
						+ "FLASK type: add one, or start the domain with xl");
			if (d.getSeclabel() != null)
				out.report(SECLABEL, d, DOMAIN__SECLABEL, "domain '" + d.getName() + "' has a seclabel, and with xsm flask it gets "
						+ "system_u:system_r:" + FlaskPlan.typeOf(d.getName()) + " from the generated policy: remove the seclabel");
			if (d.isVuart() && start == Start.XL && !Systems.xenVersion(s).atLeast(new dev.tessera.core.xen.XenVersion(4, 20)))
				out.report(VUART, d, NAMED__NAME, "domain '" + d.getName() + "' has a virtual UART, whose domctl Xen "
						+ Systems.xenVersion(s) + "'s FLASK denies whatever the policy says: say 'vuart off' (its console stays hvc0)");
			String type = FlaskPlan.typeOf(d.getName());
			Domain other = types.putIfAbsent(type, d);
			if (RESERVED.contains(type))
				out.report(TYPE, d, NAMED__NAME, "domain '" + d.getName() + "' would have the FLASK type " + type
						+ ", one of Xen's own policy: rename the domain");
			else if (other != null)
				out.report(TYPE, d, NAMED__NAME, "domains '" + other.getName() + "' and '" + d.getName() + "' would both have the FLASK type "
						+ type + ": rename one");
		}
	}
}
