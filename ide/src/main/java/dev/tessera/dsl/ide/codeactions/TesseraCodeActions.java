package dev.tessera.dsl.ide.codeactions;

import static dev.tessera.model.TesseraPackage.Literals.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

import dev.tessera.core.rules.LanguageRules;
import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.dsl.ide.commands.TesseraCommands;
import dev.tessera.model.Cpu;
import dev.tessera.model.CpuCluster;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Cpupool;
import dev.tessera.model.Domain;
import dev.tessera.model.Passthrough;
import dev.tessera.model.StaticRegion;
import dev.tessera.model.System;

/**
 * Quick fixes for the mechanical rules, each an edit that removes the problem: align a static region
 * (memory.static-aligned), make a domain direct-mapped (device.dma-iommu, memory.direct-map-static), remove a
 * duplicate assignment (device.passthrough-once, cpu.pin-duplicate), pick a free CPU (cpu.exists,
 * cpu.pin-duplicate, cpupool.cpu-once), those of {@link CatalogueFixes}, and "did you mean" for an unknown name or a
 * misspelt keyword ({@link DidYouMean}). Also,
 * anywhere in a system, the command that generates its outputs.
 */
public class TesseraCodeActions implements ICodeActionService2 {
	static final long PAGE = 4096;

	@Inject
	private EObjectAtOffsetHelper offsets;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		// Xtext's language server hands over the URI only: read the resource and document through its access
		if (options.getResource() != null && options.getDocument() != null)
			return compute(options.getResource(), options.getDocument(), options);
		return options.getLanguageServerAccess().doSyncRead(options.getURI(), ctx -> compute(ctx.getResource(), ctx.getDocument(), options));
	}

	List<Either<Command, CodeAction>> compute(org.eclipse.emf.ecore.resource.Resource r, Document doc, Options options) {
		List<Either<Command, CodeAction>> result = new ArrayList<>();
		if (!(r instanceof XtextResource resource) || resource.getParseResult() == null || doc == null) return result;
		Fixes fixes = new Fixes(doc, options.getURI());
		for (Diagnostic d : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
			if (code == null) continue;
			int offset = doc.getOffSet(d.getRange().getStart());
			EObject at = offsets.resolveContainedElementAt(resource, offset);
			List<CodeAction> actions = code.equals(LanguageRules.LINK.id()) ? DidYouMean.fixes(resource, offset, fixes)
					: code.equals(LanguageRules.SYNTAX.id()) ? DidYouMean.syntaxFixes(resource, offset, fixes) : fixes(code, at, fixes);
			for (CodeAction a : actions) {
				a.setDiagnostics(List.of(d));
				a.setKind(CodeActionKind.QuickFix);
				result.add(Either.forRight(a));
			}
		}
		// the generate command, from anywhere in a system
		EObject here = offsets.resolveContainedElementAt(resource, doc.getOffSet(options.getCodeActionParams().getRange().getStart()));
		System system = EcoreUtil2.getContainerOfType(here, System.class);
		if (system != null && system.getName() != null) {
			CodeAction gen = new CodeAction("Generate the outputs of system '" + system.getName() + "'");
			gen.setKind(CodeActionKind.Source);
			gen.setCommand(new Command(gen.getTitle(), TesseraCommands.GENERATE, List.of(options.getURI(), system.getName())));
			result.add(Either.forRight(gen));
		}
		return result;
	}

	List<CodeAction> fixes(String code, EObject at, Fixes f) {
		List<CodeAction> out = new ArrayList<>();
		switch (code) {
		case "memory.static-aligned" -> {
			StaticRegion r = EcoreUtil2.getContainerOfType(at, StaticRegion.class);
			if (r != null) out.add(align(r, f));
		}
		case "device.dma-iommu", "memory.direct-map-static" -> {
			Domain d = EcoreUtil2.getContainerOfType(at, Domain.class);
			if (d != null) out.add(directMap(d, f));
		}
		case "device.passthrough-once" -> {
			Passthrough p = EcoreUtil2.getContainerOfType(at, Passthrough.class);
			Domain d = p == null ? null : EcoreUtil2.getContainerOfType(p, Domain.class);
			if (p != null && d != null && p.getDevice() != null)
				out.add(f.action("Remove '" + NodeModelUtils.getTokenText(first(p, PASSTHROUGH__DEVICE)) + "' from domain '" + d.getName() + "'",
						f.removeListItem(p)));
		}
		case "cpu.pin-duplicate", "cpu.exists", "cpupool.cpu-once" -> {
			CpuRange r = EcoreUtil2.getContainerOfType(at, CpuRange.class);
			if (r == null) break;
			// a duplicate is most likely a slip: removing it comes first
			if (code.equals("cpu.pin-duplicate"))
				out.add(f.action("Remove the duplicate CPU " + NodeModelUtils.getTokenText(NodeModelUtils.getNode(r)), f.removeListItem(r)));
			Integer free = freeCpu(r);
			if (free != null)
				out.add(f.action("Use free CPU " + free + " instead", List.of(f.replace(NodeModelUtils.getNode(r), String.valueOf(free)))));
			if (code.equals("cpupool.cpu-once") && r.eContainer() instanceof Cpupool pool) {
				// its only CPU: the pool would be empty (cpupool.empty), so the pool goes, if no domain names it
				System s = EcoreUtil2.getContainerOfType(pool, System.class);
				if (pool.getCpus().size() > 1)
					out.add(f.action("Remove CPU " + NodeModelUtils.getTokenText(NodeModelUtils.getNode(r)) + " from cpupool '" + pool.getName() + "'", f.removeListItem(r)));
				else if (s != null && s.getDomains().stream().noneMatch(d -> d.getCpupool() == pool))
					out.add(f.action("Remove cpupool '" + pool.getName() + "'", List.of(f.removeElement(pool))));
			}
		}
		default -> out.addAll(CatalogueFixes.of(code, at, f));
		}
		out.removeIf(a -> a == null);
		return out;
	}

	CodeAction align(StaticRegion r, Fixes f) {
		Domain d = EcoreUtil2.getContainerOfType(r, Domain.class);
		List<TextEdit> edits = new ArrayList<>();
		long base = Sizes.alignUp(r.getBase(), PAGE);
		if (base != r.getBase()) edits.add(f.replace(first(r, REGION__BASE), Sizes.hex(base)));
		if (r.getSize() > 0) {
			if (r.getSize() % PAGE != 0) edits.add(f.replace(first(r, REGION__SIZE), Sizes.human(Sizes.alignUp(r.getSize(), PAGE))));
		} else if (d != null && d.getMemory() % PAGE != 0 && first(d, DOMAIN__MEMORY) != null)
			edits.add(f.replace(first(d, DOMAIN__MEMORY), Sizes.human(Sizes.alignUp(d.getMemory(), PAGE))));
		if (edits.isEmpty()) return null;
		return f.action("Align the static region to 4 KiB (" + Sizes.hex(base) + ")", edits);
	}

	CodeAction directMap(Domain d, Fixes f) {
		List<TextEdit> edits = new ArrayList<>();
		INode memory = first(d, DOMAIN__MEMORY);
		if (!d.isStaticAllocation() && memory != null) edits.add(f.insert(memory.getEndOffset(), " static"));
		if (!d.isDirectMap()) edits.add(f.addProperty(d, "direct-map"));
		if (edits.isEmpty()) return null;
		return f.action(d.isDirectMap() ? "Make the memory of domain '" + d.getName() + "' static"
				: "Make domain '" + d.getName() + "' direct-mapped (static memory + direct-map)", edits);
	}

	/** The highest CPU of the board that nothing else uses (no pinning, no cpupool); else one this list lacks. */
	static Integer freeCpu(CpuRange r) {
		System s = EcoreUtil2.getContainerOfType(r, System.class);
		if (s == null || s.getBoard() == null || s.getBoard().eIsProxy()) return null;
		int n = Systems.cpus(s.getBoard()).size();
		Set<Integer> used = new HashSet<>();
		Set<Integer> sameList = new HashSet<>();
		List<CpuRange> siblings = r.eContainer() instanceof Domain d ? d.getPin()
				: r.eContainer() instanceof Cpupool p ? p.getCpus() : List.of();
		for (CpuRange o : siblings) if (o != r) sameList.addAll(Systems.expand(List.of(o)));
		for (Domain d : s.getDomains()) for (CpuRange o : d.getPin()) if (o != r) used.addAll(Systems.expand(List.of(o)));
		for (Cpupool p : s.getCpupools()) for (CpuRange o : p.getCpus()) if (o != r) used.addAll(Systems.expand(List.of(o)));
		// highest first: CPU 0 is where Xen boots and dom0 runs; it stays in Pool-0, so never for a cpupool
		int from = r.eContainer() instanceof Cpupool ? 1 : 0;
		// of the boot CPU's core type: Xen parks the others unless told 'hmp-unsafe' (cpu.parked)
		// only those: another type would trade this problem for cpu.parked
		for (int c = n - 1; c >= from; c--) if (!used.contains(c) && !sameList.contains(c) && runs(s, c)) return c;
		if (from == 0) for (int c = n - 1; c >= 0; c--) if (!sameList.contains(c) && runs(s, c)) return c;
		return null;
	}

	/** Whether Xen runs CPU {@code c} of the system's board: of the boot CPU's core type, or any with hmp-unsafe. */
	static boolean runs(System s, int c) {
		if (s.getXen() != null && s.getXen().isHmpUnsafe()) return true;
		List<Cpu> cpus = Systems.cpus(s.getBoard());
		CpuCluster boot = EcoreUtil2.getContainerOfType(cpus.get(0), CpuCluster.class);
		CpuCluster it = EcoreUtil2.getContainerOfType(cpus.get(c), CpuCluster.class);
		return boot == null || it == null || boot.getCoreType() == null || boot.getCoreType().equals(it.getCoreType());
	}

	static INode first(EObject o, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(o, feature);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	/** Builds text edits on one document. */
	static final class Fixes {
		final Document doc;
		final String uri;
		final String text;

		Fixes(Document doc, String uri) {
			this.doc = doc;
			this.uri = uri;
			this.text = doc.getContents();
		}

		CodeAction action(String title, List<TextEdit> edits) {
			if (edits == null || edits.isEmpty()) return null;
			CodeAction a = new CodeAction(title);
			a.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
			return a;
		}

		TextEdit edit(int start, int end, String newText) {
			return new TextEdit(new Range(doc.getPosition(start), doc.getPosition(end)), newText);
		}

		TextEdit replace(INode node, String newText) {
			ILeafNode firstLeaf = firstNonHidden(node);
			int start = firstLeaf != null ? firstLeaf.getOffset() : node.getOffset();
			return edit(start, node.getEndOffset(), newText);
		}

		TextEdit insert(int offset, String newText) {
			return edit(offset, offset, newText);
		}

		/** Adds "property" on its own line before the closing brace of the element (or before it on one line). */
		TextEdit addProperty(EObject element, String property) {
			INode node = NodeModelUtils.getNode(element);
			ILeafNode close = null;
			for (ILeafNode leaf : node.getLeafNodes()) if (!leaf.isHidden()) close = leaf;
			int at = close.getOffset();
			int lineStart = text.lastIndexOf('\n', at - 1) + 1;
			String before = text.substring(lineStart, at);
			if (!before.isBlank()) return insert(at, property + " ");
			// indent like the element's first property, else one tab deeper than the brace
			String indent = before + "\t";
			ILeafNode open = null;
			for (ILeafNode leaf : node.getLeafNodes()) if (!leaf.isHidden() && "{".equals(leaf.getText())) { open = leaf; break; }
			if (open != null) {
				int next = open.getEndOffset();
				while (next < at && Character.isWhitespace(text.charAt(next))) next++;
				if (next < at) {
					int ls = text.lastIndexOf('\n', next - 1) + 1;
					if (text.substring(ls, next).isBlank()) indent = text.substring(ls, next);
				}
			}
			return insert(lineStart, indent + property + "\n");
		}

		/** Removes an element: its lines when nothing else is on them, else its text. */
		TextEdit removeElement(EObject element) {
			INode node = NodeModelUtils.getNode(element);
			int start = firstNonHidden(node).getOffset(), end = node.getEndOffset();
			int lineStart = text.lastIndexOf('\n', start - 1) + 1;
			int lineEnd = text.indexOf('\n', end);
			if (lineEnd < 0) lineEnd = text.length();
			if (text.substring(lineStart, start).isBlank() && text.substring(end, lineEnd).isBlank())
				return edit(lineStart, Math.min(lineEnd + 1, text.length()), "");
			return edit(start, end, "");
		}

		/** Removes one item of a comma-separated list, with its comma; the whole clause when it is the only item. */
		List<TextEdit> removeListItem(EObject item) {
			INode node = NodeModelUtils.getNode(item);
			ILeafNode first = firstNonHidden(node);
			int start = first.getOffset(), end = node.getEndOffset();
			ILeafNode prev = previousNonHidden(node.getRootNode(), start);
			ILeafNode next = nextNonHidden(node.getRootNode(), end);
			if (prev != null && ",".equals(prev.getText())) return List.of(edit(prev.getOffset(), end, ""));
			if (next != null && ",".equals(next.getText())) {
				ILeafNode after = nextNonHidden(node.getRootNode(), next.getEndOffset());
				return List.of(edit(start, after != null ? after.getOffset() : next.getEndOffset(), ""));
			}
			// the only item: remove the keyword that opens the clause too, and the line when nothing else is on it
			int from = prev != null ? prev.getOffset() : start;
			int lineStart = text.lastIndexOf('\n', from - 1) + 1;
			int lineEnd = text.indexOf('\n', end);
			if (lineEnd < 0) lineEnd = text.length();
			if (text.substring(lineStart, from).isBlank() && text.substring(end, lineEnd).isBlank())
				return List.of(edit(lineStart, Math.min(lineEnd + 1, text.length()), ""));
			int to = end;
			while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) to++;
			return List.of(edit(from, to, ""));
		}

		static ILeafNode firstNonHidden(INode node) {
			for (ILeafNode leaf : node.getLeafNodes()) if (!leaf.isHidden()) return leaf;
			return null;
		}

		static ILeafNode previousNonHidden(INode root, int offset) {
			ILeafNode found = null;
			for (ILeafNode leaf : root.getLeafNodes()) {
				if (leaf.getEndOffset() > offset) break;
				if (!leaf.isHidden()) found = leaf;
			}
			return found;
		}

		static ILeafNode nextNonHidden(INode root, int offset) {
			for (ILeafNode leaf : root.getLeafNodes())
				if (leaf.getOffset() >= offset && !leaf.isHidden()) return leaf;
			return null;
		}
	}
}
