package dev.tessera.dsl.ide.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

import dev.tessera.core.diag.SeverityPolicy;
import dev.tessera.pipeline.ProjectSettings;

/**
 * The editor judges a file as {@code tessera check} does: the project's rule settings (.tessera.yaml in the file's
 * folder or above) turn warnings off or make them errors before the client sees them. Errors stay errors.
 */
public class ProjectRulesValidator extends ResourceValidatorImpl {
	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
		List<Issue> issues = super.validate(resource, mode, indicator);
		URI uri = resource.getURI();
		if (issues == null || uri == null || !uri.isFile()) return issues;
		SeverityPolicy policy = ProjectSettings.forFile(Path.of(uri.toFileString())).policy();
		if (policy.isDefault()) return issues;
		List<Issue> shown = new ArrayList<>();
		for (Issue i : issues) {
			if (i.getSeverity() != Severity.WARNING) {
				shown.add(i);
				continue;
			}
			SeverityPolicy.Level level = policy.levelOfWarning(RuleIds.of(i.getCode()));
			if (level == SeverityPolicy.Level.OFF) continue;
			if (level == SeverityPolicy.Level.ERROR && i instanceof Issue.IssueImpl impl) impl.setSeverity(Severity.ERROR);
			shown.add(i);
		}
		return shown;
	}
}
