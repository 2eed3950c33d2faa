package dev.tessera.dsl.ide.hover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.dsl.ide.server.RuleIds;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.FixedClock;
import dev.tessera.model.RamBank;
import dev.tessera.model.ReservedRegion;
import dev.tessera.model.System;

/**
 * Hover: the facts of what is under the cursor (a device's registers, interrupts and owner; a domain's placed
 * memory and module addresses; …) and, over a problem, the rule it breaks with the rule's rationale.
 */
public class TesseraHoverService extends HoverService {
	@Inject
	private EObjectAtOffsetHelper offsets;
	@Inject
	private IResourceValidator validator;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		int offset = document.getOffSet(params.getPosition());
		List<String> parts = new ArrayList<>();
		Range range = null;

		EObject target = offsets.resolveCrossReferencedElementAt(resource, offset);
		EObject context = offsets.resolveContainedElementAt(resource, offset);
		EObject subject = target != null ? target : interesting(context);
		String facts = subject == null ? null : Facts.describe(subject, context);
		if (facts != null) {
			parts.add(facts);
			ILeafNode leaf = resource.getParseResult() == null ? null
					: NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
			if (leaf != null && !leaf.isHidden())
				range = new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset()));
		}

		Set<String> rules = new LinkedHashSet<>();
		for (Issue issue : validator.validate(resource, CheckMode.ALL, cancel)) {
			if (issue.getOffset() == null || issue.getLength() == null) continue;
			int start = issue.getOffset(), end = start + Math.max(issue.getLength(), 1);
			if (offset >= start && offset <= end) rules.add(RuleIds.of(issue.getCode()));
		}
		for (String id : rules)
			RuleIds.find(id).ifPresent(rule -> parts.add(rule(rule)));

		if (parts.isEmpty()) return IHoverServiceEmpty.EMPTY;
		Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
		if (range != null) hover.setRange(range);
		return hover;
	}

	static String rule(RuleInfo rule) {
		return "**" + rule.severity().label() + " [" + rule.id() + "]** " + rule.title() + "\n\n" + rule.rationale();
	}

	/** The nearest element around the cursor that has facts to show. */
	static EObject interesting(EObject e) {
		for (EObject o = e; o != null; o = o.eContainer())
			if (o instanceof Device || o instanceof Domain || o instanceof System || o instanceof Board || o instanceof Cpu
					|| o instanceof CpuRange || o instanceof Cpupool || o instanceof RamBank || o instanceof ReservedRegion
					|| o instanceof FixedClock)
				return o;
		return null;
	}

	static final class IHoverServiceEmpty {
		static final Hover EMPTY = new Hover(List.of());
	}
}
