package dev.tessera.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;

import dev.tessera.core.text.Sizes;
import dev.tessera.core.xen.Systems;
import dev.tessera.model.Board;
import dev.tessera.model.Device;
import dev.tessera.model.Domain;
import dev.tessera.model.FixedClock;
import dev.tessera.model.Named;
import dev.tessera.model.Region;
import dev.tessera.model.TesseraPackage;

/** The outline: boards, systems and what they declare, each by its own name, with a short detail. */
public final class TesseraSymbols {
	private TesseraSymbols() {
	}

	public static class Kinds extends DocumentSymbolKindProvider {
		@Override
		protected SymbolKind getSymbolKind(EClass c) {
			TesseraPackage p = TesseraPackage.eINSTANCE;
			if (c == p.getBoard()) return SymbolKind.Module;
			if (c == p.getSystem()) return SymbolKind.Namespace;
			if (c == p.getDomain()) return SymbolKind.Object;
			if (c == p.getDevice()) return SymbolKind.Field;
			if (c == p.getCpuCluster()) return SymbolKind.Package;
			if (c == p.getCpu()) return SymbolKind.Number;
			if (c == p.getRamBank() || c == p.getReservedRegion() || c == p.getSharedMemory()) return SymbolKind.Array;
			if (c == p.getIommu()) return SymbolKind.Interface;
			if (c == p.getCpupool()) return SymbolKind.Enum;
			if (c == p.getFixedClock()) return SymbolKind.Constant;
			if (c == p.getVariant()) return SymbolKind.Class;
			return super.getSymbolKind(c);
		}
	}

	public static class Names extends DocumentSymbolNameProvider {
		@Override
		public String getName(EObject o) {
			if (o instanceof Named n && n.getName() != null) return n.getName();
			return super.getName(o);
		}
	}

	public static class Details extends DocumentSymbolDetailsProvider {
		@Override
		public String getDetails(EObject o) {
			if (o instanceof Domain d) {
				String role = d.getRole() != null ? d.getRole().getLiteral() : "guest";
				return role + ", " + Systems.startOf(d).getLiteral() + (d.getOs() != null ? ", " + d.getOs().getLiteral() : "")
						+ (d.getMemory() > 0 ? ", " + Sizes.human(d.getMemory()) : "");
			}
			if (o instanceof Device d)
				return (d.getKind() != null ? d.getKind().getLiteral() : "device") + (d.getDtPath() != null ? " " + d.getDtPath() : "");
			if (o instanceof FixedClock c) return "fixed clock, " + c.getFrequency() + " Hz" + (c.getDtPath() != null ? " " + c.getDtPath() : "");
			if (o instanceof Board b) return b.getDescription() != null ? b.getDescription() : "board";
			if (o instanceof dev.tessera.model.System s)
				return "on " + (s.getBoard() != null && !s.getBoard().eIsProxy() ? s.getBoard().getName() : "?") + ", "
						+ s.getDomains().size() + " domains" + (s.getVariants().isEmpty() ? "" : ", " + s.getVariants().size() + " variants");
			if (o instanceof dev.tessera.model.Variant v)
				return "variant, " + v.getChanges().size() + (v.getChanges().size() == 1 ? " change" : " changes");
			if (o instanceof Region r && r.isSetBase()) return Sizes.range(r.getBase(), Math.max(r.getSize(), 1));
			return super.getDetails(o);
		}
	}
}
