package dev.tessera.dsl.ide.build;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server generates nothing (Tessera's outputs are {@code tessera generate}'s), so it never asks. Xtext's
 * default, {@link IShouldGenerate.OnlyWithoutErrors}, asks by validating the file a second time after the builder has
 * validated it and published its diagnostics: every rule ran twice on each keystroke, for the edited file and for every
 * file re-validated with it.
 */
public class NothingToGenerate implements IShouldGenerate {
	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
