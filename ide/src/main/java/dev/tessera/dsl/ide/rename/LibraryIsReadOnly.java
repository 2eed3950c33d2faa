package dev.tessera.dsl.ide.rename;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.rename.RenameService2;
import org.eclipse.xtext.ide.server.rename.ServerRefactoringIssueAcceptor;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.tessera.dsl.scoping.BoardLibrary;
import dev.tessera.model.Board;

/**
 * Rename, except for what a shipped board declares: that file is inside Tessera's jar, so an edit to it could not
 * be applied, and the references in the user's files would then point at nothing. The refusal is an error
 * response with a message that the editor shows, both when it prepares the rename and when it asks for it.
 */
public class LibraryIsReadOnly extends RenameService2 {

	@Override
	protected Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> doPrepareRename(Resource resource, Document document,
			PrepareRenameParams params, CancelIndicator cancel) {
		if (resource instanceof XtextResource r) refuseShipped(getElementAtOffset(r, document, params.getPosition()));
		return super.doPrepareRename(resource, document, params, cancel);
	}

	@Override
	protected void applyModifications(EObject target, WorkspaceEdit edit, ServerRefactoringIssueAcceptor issues, Options options,
			ILanguageServerAccess.Context context) {
		refuseShipped(target);
		super.applyModifications(target, edit, issues, options, context);
	}

	void refuseShipped(EObject target) {
		String board = shippedBoard(target);
		if (board == null) return;
		String what = target instanceof Board ? "the shipped board '" + board + "'"
				: "'" + getElementName(target) + "' of the shipped board '" + board + "'";
		throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
				"cannot rename " + what + ": the shipped boards are part of Tessera and read-only. To rename it, copy the board's file into your workspace, "
						+ "give the board another name and use that one", null));
	}

	/** The name of the shipped board whose file declares {@code target}, or null. */
	static String shippedBoard(EObject target) {
		if (target == null || target.eResource() == null) return null;
		Board board = EcoreUtil2.getContainerOfType(target, Board.class);
		if (board == null || board.getName() == null) return null;
		var uri = target.eResource().getURI();
		return BoardLibrary.find(board.getName()).filter(u -> u.equals(uri)).isPresent() || "jar".equals(uri.scheme()) ? board.getName() : null;
	}
}
