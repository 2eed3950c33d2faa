package dev.tessera.dsl.ide.highlighting;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.model.Board;
import dev.tessera.model.TesseraPackage;

/**
 * Semantic highlighting (LSP semantic tokens): what the TextMate grammar cannot know, which kind of thing a name is.
 * A board or system is a namespace, a device a variable, a domain a class, a cpupool a type, anything else named (CPUs,
 * clusters, connectors …) a property; a name where it is declared has the modifier declaration, and a name
 * of a shipped board's file the modifier defaultLibrary. The style ids are LSP's token types and modifiers, which
 * Xtext's SemanticTokensService puts in its legend.
 */
public class NamesByKind implements ISemanticHighlightingCalculator {
	static final TesseraPackage P = TesseraPackage.eINSTANCE;

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null) return;
		var all = resource.getAllContents();
		while (all.hasNext()) {
			if (cancel != null && cancel.isCanceled()) return;
			EObject o = all.next();
			EStructuralFeature name = o.eClass().getEStructuralFeature("name");
			if (name != null) for (INode n : NodeModelUtils.findNodesForFeature(o, name))
				acceptor.addPosition(n.getOffset(), n.getLength(), styles(o.eClass(), o, true));
			for (EReference ref : o.eClass().getEAllReferences()) {
				if (ref.isContainment() || ref.isContainer()) continue;
				List<INode> nodes = NodeModelUtils.findNodesForFeature(o, ref);
				if (nodes.isEmpty()) continue;
				List<EObject> targets = ref.isMany() ? new ArrayList<>((List<EObject>) o.eGet(ref, false)) : new ArrayList<>();
				if (!ref.isMany()) targets.add((EObject) o.eGet(ref, false));
				for (int i = 0; i < nodes.size(); i++) {
					EObject target = i < targets.size() ? targets.get(i) : null;
					// resolving is cheap here: the linker has resolved the references of an open file already
					if (target != null && target.eIsProxy()) target = EcoreUtil2.resolve(target, resource);
					if (target == null || target.eIsProxy()) continue;
					acceptor.addPosition(nodes.get(i).getOffset(), nodes.get(i).getLength(), styles(ref.getEReferenceType(), target, false));
				}
			}
		}
	}

	static String[] styles(EClass kind, EObject target, boolean declaration) {
		List<String> s = new ArrayList<>();
		s.add(type(kind));
		if (declaration) s.add("declaration");
		if (shipped(target)) s.add("defaultLibrary");
		return s.toArray(String[]::new);
	}

	static String type(EClass kind) {
		if (P.getBoard().isSuperTypeOf(kind) || P.getSystem().isSuperTypeOf(kind)) return "namespace";
		if (P.getDevice().isSuperTypeOf(kind)) return "variable";
		if (P.getDomain().isSuperTypeOf(kind)) return "class";
		if (P.getCpupool().isSuperTypeOf(kind)) return "type";
		return "property";
	}

	static boolean shipped(EObject target) {
		Board board = EcoreUtil2.getContainerOfType(target, Board.class);
		if (board == null || target.eResource() == null) return false;
		var uri = target.eResource().getURI();
		return BoardLibrary.find(board.getName()).filter(u -> u.equals(uri)).isPresent();
	}
}
