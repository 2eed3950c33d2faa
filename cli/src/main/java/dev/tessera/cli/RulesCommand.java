package dev.tessera.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.rules.RuleRegistry;
import dev.tessera.dsl.validation.LanguageRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule Tessera checks: id, severity, title.")
final class RulesCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	static List<RuleInfo> all() {
		List<RuleInfo> all = new ArrayList<>(LanguageRules.ALL);
		all.addAll(RuleRegistry.catalogue());
		all.add(Pipeline.NO_SYSTEM);
		all.add(Pipeline.BOARD_DTS);
		return all;
	}

	@Override
	public Integer call() {
		for (RuleInfo r : all())
			spec.commandLine().getOut().printf("%-28s %-8s %s%n", r.id(), r.severity().label(), r.title());
		return Main.OK;
	}
}
