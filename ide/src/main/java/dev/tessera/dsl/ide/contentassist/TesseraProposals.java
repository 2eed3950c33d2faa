package dev.tessera.dsl.ide.contentassist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

import dev.tessera.core.xen.Systems;
import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.dsl.scoping.Candidates;
import dev.tessera.model.Board;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.System;
import dev.tessera.model.TesseraPackage;

/**
 * Completion: keywords (OS kinds, roles, schedulers … are keywords), boards (shipped and imported), the board's
 * devices, the system's domains and cpupools, and CPU numbers with the CPU each names. Names are filtered by
 * {@link Candidates}: only those that fit where the cursor is.
 */
public class TesseraProposals extends IdeContentProposalProvider {

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		// the keywords a name may be spelled as ("gpu", "linux" …) are not proposed where a name goes
		ParserRule rule = GrammarUtil.containingParserRule(keyword);
		if (rule != null && "Name".equals(rule.getName())) return false;
		return super.filterKeyword(keyword, context);
	}

	@Override
	protected void _createProposals(CrossReference reference, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		EReference ref = GrammarUtil.getReference(reference);
		if (ref == null) return;
		EObject model = context.getCurrentModel();
		Set<String> seen = new HashSet<>();
		if (model != null) {
			IScope scope = getScopeProvider().getScope(model, ref);
			for (IEObjectDescription d : scope.getAllElements()) {
				String name = getQualifiedNameConverter().toString(d.getName());
				if (!seen.add(name)) continue;
				EObject target = d.getEObjectOrProxy();
				// only what a rule would accept here: an enabled UART for console, a driver domain after 'from' ...
				if (!Candidates.fits(edited(model, context), ref, target)) continue;
				accept(name, describe(target), context, acceptor);
			}
		}
		if (ref.getEReferenceType() == TesseraPackage.Literals.BOARD)
			for (String name : BoardLibrary.names())
				if (seen.add(name)) accept(name, "shipped board", context, acceptor);
	}

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		ParserRule rule = GrammarUtil.containingParserRule(assignment);
		if (rule != null && "CpuRange".equals(rule.getName())
				&& ("first".equals(assignment.getFeature()) || "last".equals(assignment.getFeature()))) {
			System system = EcoreUtil2.getContainerOfType(context.getCurrentModel(), System.class);
			Board board = system == null ? null : system.getBoard();
			if (board == null || board.eIsProxy()) return;
			List<Cpu> cpus = Systems.cpus(board);
			for (int i = 0; i < cpus.size(); i++) {
				Cpu cpu = cpus.get(i);
				CpuCluster cluster = EcoreUtil2.getContainerOfType(cpu, CpuCluster.class);
				String used = usage(system, i);
				accept(String.valueOf(i), cpu.getName() + (cluster != null && cluster.getCoreType() != null ? " (" + cluster.getCoreType() + ")" : "")
						+ (used.isEmpty() ? ", free" : ", used by " + used), context, acceptor);
			}
			return;
		}
		if (rule != null && "Import".equals(rule.getName()) && "importURI".equals(assignment.getFeature())) {
			for (String name : BoardLibrary.names()) accept("\"" + name + "\"", "shipped board", context, acceptor);
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	/**
	 * The element whose reference the cursor is on, when it is inside {@code model} (completing over
	 * {@code passthrough gpio0} must not drop gpio0 as "already passed through" by that very item); else model.
	 */
	static EObject edited(EObject model, ContentAssistContext context) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(context.getRootNode(), context.getOffset());
		EObject at = leaf == null || leaf.isHidden() ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		return at != null && at != model && EcoreUtil.isAncestor(model, at) ? at : model;
	}

	static String usage(System s, int cpu) {
		StringBuilder sb = new StringBuilder();
		for (var p : s.getCpupools())
			if (Systems.expand(p.getCpus()).contains(cpu)) sb.append(sb.length() > 0 ? ", " : "").append("cpupool ").append(p.getName());
		for (Domain d : s.getDomains())
			if (Systems.expand(d.getPin()).contains(cpu)) sb.append(sb.length() > 0 ? ", " : "").append("domain ").append(d.getName());
		return sb.toString();
	}

	static String describe(EObject target) {
		if (target instanceof Device d && !d.eIsProxy()) {
			String kind = d.getKind() != null ? d.getKind().getLiteral() : "device";
			return kind + (d.getDtPath() != null ? " " + d.getDtPath() : "") + (d.isDisabled() ? " (disabled)" : "");
		}
		if (target instanceof Board b && !b.eIsProxy()) return b.getDescription() != null ? b.getDescription() : "board";
		if (target instanceof Domain d && !d.eIsProxy()) return "domain" + (d.getOs() != null ? " (" + d.getOs().getLiteral() + ")" : "");
		return target == null ? "" : target.eClass().getName().toLowerCase();
	}

	private void accept(String proposal, String description, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		ContentAssistEntry entry = getProposalCreator().createProposal(proposal, context, e -> {
			e.setKind(ContentAssistEntry.KIND_REFERENCE);
			e.setDescription(description);
		});
		if (entry != null) acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
	}
}
