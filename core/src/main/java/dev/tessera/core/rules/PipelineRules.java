package dev.tessera.core.rules;

import java.util.List;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;

/**
 * What the pipeline reports about its input before and after resolution: generate needs one system and a board tree,
 * and, when it is told the Xen build, a build with what the system uses.
 */
public final class PipelineRules {
	public static final RuleInfo NO_SYSTEM = new RuleInfo("file.no-system", Section.LANGUAGE, Severity.ERROR,
			"The file given to generate declares one system",
			"generate turns one system into its files; a board file, or a file with several systems, needs --system.");
	public static final RuleInfo BOARD_DTS = new RuleInfo("board.device-tree", Section.SYSTEMS, Severity.ERROR,
			"The board's device tree can be read",
			"The host device tree is the board's own tree with Xen's /chosen added: without it nothing can boot.");
	public static final RuleInfo XEN_BUILD = new RuleInfo("xen.build", Section.XEN, Severity.ERROR,
			"The Xen build has every feature the system uses",
			"Checked when the Xen the system boots is known (tessera boot, generate --xen-config): a build without static "
					+ "memory or static shared memory stops before its console is up, one without boot-time cpupools ignores them, "
					+ "a missing scheduler fails the pool. The message names the Kconfig option.");
	public static final RuleInfo FLASK_SOURCE = new RuleInfo("xsm.flask-source", Section.XEN, Severity.ERROR,
			"A FLASK policy is compiled against the sources of the Xen it boots",
			"With 'xsm flask' Tessera writes the system's policy and compiles it with m4 and checkpolicy against Xen's policy "
					+ "sources (xen/xsm/flask/policy, tools/flask/policy): their classes and permissions are the hypervisor's own, "
					+ "so the source tree must be the target release's. Give it with --xen-source or TESSERA_XEN_SOURCE (Debian: apt-get source xen).");
	public static final List<RuleInfo> ALL = List.of(NO_SYSTEM, BOARD_DTS, XEN_BUILD, FLASK_SOURCE);

	private PipelineRules() {
	}
}
