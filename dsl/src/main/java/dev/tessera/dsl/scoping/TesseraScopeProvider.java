package dev.tessera.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

import dev.tessera.model.AddDomain;
import dev.tessera.model.Board;
import dev.tessera.model.ChangeBoard;
import dev.tessera.model.Variant;
import dev.tessera.model.System;
import dev.tessera.model.TesseraPackage;

/**
 * Devices are named as the board names them: inside a board, its own devices; inside a system, the devices of
 * the board it runs on. Cpupools and domains are the system's own.
 */
public class TesseraScopeProvider extends AbstractTesseraScopeProvider {
	@com.google.inject.Inject
	private org.eclipse.xtext.util.IResourceScopeCache cache;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference.getEReferenceType() == TesseraPackage.Literals.DEVICE) {
			Board board = EcoreUtil2.getContainerOfType(context, Board.class);
			if (board == null) {
				System system = EcoreUtil2.getContainerOfType(context, System.class);
				board = system == null ? null : system.getBoard();
				// inside a variant that changes the board, devices are the new board's
				Variant variant = EcoreUtil2.getContainerOfType(context, Variant.class);
				if (variant != null)
					for (var c : variant.getChanges())
						if (c instanceof ChangeBoard b && b.getBoard() != null && !b.getBoard().eIsProxy()) board = b.getBoard();
			}
			if (board == null || board.eIsProxy()) return IScope.NULLSCOPE;
			// one scope per version of the board, its devices named once: a system refers to many of them
			Board devicesOf = board;
			return devicesOf.eResource() == null ? NamedOnce.of(devicesOf.getDevices())
					: cache.get(org.eclipse.xtext.util.Tuples.pair(NamedOnce.class, devicesOf), devicesOf.eResource(), () -> NamedOnce.of(devicesOf.getDevices()));
		}
		if (reference.getEReferenceType() == TesseraPackage.Literals.DOMAIN) {
			System system = EcoreUtil2.getContainerOfType(context, System.class);
			if (system == null) return IScope.NULLSCOPE;
			// inside a variant, the domains it adds are named like the system's own
			Variant variant = EcoreUtil2.getContainerOfType(context, Variant.class);
			if (variant == null) return Scopes.scopeFor(system.getDomains());
			java.util.List<dev.tessera.model.Domain> domains = new java.util.ArrayList<>(system.getDomains());
			for (var c : variant.getChanges()) if (c instanceof AddDomain a && a.getDomain() != null) domains.add(a.getDomain());
			return Scopes.scopeFor(domains);
		}
		if (reference.getEReferenceType() == TesseraPackage.Literals.DISPLAY_CONNECTOR) {
			// a touch device is tied to a connector of a display of the same domain
			dev.tessera.model.Domain domain = EcoreUtil2.getContainerOfType(context, dev.tessera.model.Domain.class);
			if (domain == null) return IScope.NULLSCOPE;
			java.util.List<dev.tessera.model.DisplayConnector> connectors = new java.util.ArrayList<>();
			for (var f : domain.getFrontends())
				if (f instanceof dev.tessera.model.DisplayFrontend d) connectors.addAll(d.getConnectors());
			return Scopes.scopeFor(connectors);
		}
		if (reference.getEReferenceType() == TesseraPackage.Literals.CPUPOOL) {
			System system = EcoreUtil2.getContainerOfType(context, System.class);
			return system == null ? IScope.NULLSCOPE : Scopes.scopeFor(system.getCpupools());
		}
		return super.getScope(context, reference);
	}
}
