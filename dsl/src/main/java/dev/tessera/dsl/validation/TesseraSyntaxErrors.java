package dev.tessera.dsl.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import com.google.inject.Inject;

import dev.tessera.core.text.Suggestions;

/**
 * Syntax errors in the user's words for the common mistakes, each with a quick fix where the intent is clear: a
 * size whose unit is lower case or apart from its number ({@code 2g}, {@code 512 M}), a misspelt keyword
 * ({@code memroy}), a missing '}'. Anything else keeps ANTLR's message. The code stays Xtext's syntax code, so the
 * rule id stays "syntax".
 */
public class TesseraSyntaxErrors extends SyntaxErrorMessageProvider {
	static final Pattern UNIT = Pattern.compile("[kmgt](i?b)?", Pattern.CASE_INSENSITIVE);
	/** After white space: a number, at most one blank, a unit in any case, and nothing else of a word. */
	static final Pattern BAD_SIZE = Pattern.compile("\\s*([0-9]+)( ?)([kmgt](?:i?b)?)(?![a-z0-9_-])", Pattern.CASE_INSENSITIVE);
	static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

	@Inject
	private IGrammarAccess grammar;

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		try {
			SyntaxErrorMessage m = friendly(context);
			if (m != null) return m;
		} catch (RuntimeException e) {
			// a plain message beats none
		}
		return super.getSyntaxErrorMessage(context);
	}

	/** {@code 512m} is no token at all (the lexer tried {@code 512ms}); the size it should be gets no value either. */
	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		SyntaxErrorMessage m = badSizeAfter(context.getCurrentNode());
		return m != null ? m : super.getSyntaxErrorMessage(context);
	}

	SyntaxErrorMessage badSizeAfter(INode node) {
		if (node == null) return null;
		String text = node.getRootNode().getText();
		Matcher m = BAD_SIZE.matcher(text).region(node.getEndOffset(), text.length());
		if (!m.lookingAt()) return null;
		return badSize(m.group(1), m.group(2), m.group(3), m.start(1), m.end(3));
	}

	static SyntaxErrorMessage badSize(String number, String space, String unit, int start, int end) {
		String fixed = number + unit.substring(0, 1).toUpperCase(Locale.ROOT);
		return message("'" + number + space + unit + "' is not a size: the unit is K, M, G or T, in upper case and right after the number ("
				+ fixed + ")", List.of(new SyntaxFix("Write " + fixed, start, end - start, fixed)));
	}

	SyntaxErrorMessage friendly(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		if (e == null) return badSizeAfter(context.getCurrentNode()); // a lexer error: no token to look at
		Token token = e == null ? null : e.token;
		if (token == null) return null;
		if (token.getType() == Token.EOF && context.getDefaultMessage().contains("'}'")) return missingBrace(context);
		String text = token.getText();
		if (text == null || !(token instanceof CommonToken at)) return null;
		Token prev = e.input instanceof TokenStream s ? previous(s, token) : null;
		if (UNIT.matcher(text).matches() && prev instanceof CommonToken number && number.getText().matches("[0-9]+"))
			return badSize(number.getText(), number.getStopIndex() + 1 == at.getStartIndex() ? "" : " ", text, number.getStartIndex(), at.getStopIndex() + 1);
		// only a word that starts a line is taken for a keyword: elsewhere it is more likely a name out of place
		boolean startsLine = prev == null || prev.getLine() < token.getLine();
		if (startsLine && WORD.matcher(text).matches() && !keywords(null).contains(text)) {
			List<String> close = Suggestions.closest(text, keywords(context.getCurrentContext()));
			if (close.isEmpty()) close = Suggestions.closest(text, keywords(null));
			if (close.isEmpty()) return null;
			List<SyntaxFix> fixes = new ArrayList<>();
			for (String k : close) fixes.add(new SyntaxFix("Change to '" + k + "'", at.getStartIndex(), text.length(), k));
			return message("unknown keyword '" + text + "': did you mean " + Suggestions.quotedOr(close) + "?", fixes);
		}
		return null;
	}

	/** Names the '{' that is not closed: the first whose '}' sits at another indentation, else the innermost. */
	SyntaxErrorMessage missingBrace(IParserErrorContext context) {
		if (context.getCurrentNode() == null) return null;
		String text = context.getCurrentNode().getRootNode().getText();
		Deque<Integer> open = new ArrayDeque<>();
		Integer suspect = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') { i = skipString(text, i); continue; }
			if (text.startsWith("//", i)) { i = Math.max(i, text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i)); continue; }
			if (text.startsWith("/*", i)) { int end = text.indexOf("*/", i + 2); i = end < 0 ? text.length() : end + 1; continue; }
			if (c == '{') open.push(i);
			else if (c == '}' && !open.isEmpty()) {
				int opener = open.pop();
				if (suspect == null && firstOnLine(text, i) && !indent(text, i).equals(indent(text, opener))) suspect = opener;
			}
		}
		Integer unclosed = suspect != null ? suspect : open.peek();
		if (unclosed == null) return null;
		int line = (int) text.substring(0, unclosed).chars().filter(c -> c == '\n').count() + 1;
		String head = text.substring(text.lastIndexOf('\n', unclosed) + 1, unclosed).trim();
		return message("missing '}': the '{' of '" + head + "' on line " + line + " is not closed", List.of());
	}

	static int skipString(String text, int i) {
		for (int j = i + 1; j < text.length(); j++) {
			if (text.charAt(j) == '\\') j++;
			else if (text.charAt(j) == '"') return j;
		}
		return text.length();
	}

	static boolean firstOnLine(String text, int i) {
		return text.substring(text.lastIndexOf('\n', i - 1) + 1, i).isBlank();
	}

	static String indent(String text, int i) {
		int start = text.lastIndexOf('\n', i - 1) + 1, end = start;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) end++;
		return text.substring(start, end);
	}

	static Token previous(TokenStream s, Token token) {
		for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
			Token t = s.get(i);
			if (t.getChannel() == Token.DEFAULT_CHANNEL) return t;
		}
		return null;
	}

	/** The word keywords of the rule that builds {@code context}'s kind of element; of the whole grammar for null. */
	Set<String> keywords(EObject context) {
		Set<String> out = new LinkedHashSet<>();
		for (AbstractRule rule : GrammarUtil.allRules(grammar.getGrammar())) {
			if (!(rule instanceof ParserRule)) continue;
			if (context != null && (rule.getType() == null || rule.getType().getClassifier() != context.eClass())) continue;
			for (Keyword k : GrammarUtil.containedKeywords(rule)) if (WORD.matcher(k.getValue()).matches()) out.add(k.getValue());
		}
		return out;
	}

	static SyntaxErrorMessage message(String text, List<SyntaxFix> fixes) {
		return new SyntaxErrorMessage(text, Diagnostic.SYNTAX_DIAGNOSTIC, SyntaxFix.toData(fixes));
	}
}
