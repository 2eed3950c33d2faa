package dev.tessera.eclipse.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/**
 * Syntax colouring of .tess files: keywords, values (enum literals, on/off), comments, strings and numbers (hex,
 * sizes such as 512M, versions, resolutions), as the TextMate grammar of the VS Code extension colours them.
 */
public class TesseraPresentationReconciler extends PresentationReconciler {
	static final Color KEYWORD = new Color(127, 0, 85), CONSTANT = new Color(0, 0, 192), COMMENT = new Color(63, 127, 95),
			STRING = new Color(42, 0, 255), NUMBER = new Color(128, 64, 0);

	public TesseraPresentationReconciler() {
		DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner());
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}

	/** The scanner (public for the tests). */
	public static RuleBasedScanner scanner() {
		IToken keyword = new Token(new TextAttribute(KEYWORD, null, SWT.BOLD));
		IToken constant = new Token(new TextAttribute(CONSTANT));
		IToken comment = new Token(new TextAttribute(COMMENT, null, SWT.ITALIC));
		IToken string = new Token(new TextAttribute(STRING));
		IToken number = new Token(new TextAttribute(NUMBER));
		// other names are words too (default colour), so that the digits of cpu1 are not read as a number
		WordRule words = new WordRule(new Words(), new Token(null));
		Keywords.KEYWORDS.forEach(k -> words.addWord(k, keyword));
		Keywords.CONSTANTS.forEach(k -> words.addWord(k, constant));
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setRules(List.of(new EndOfLineRule("//", comment), new MultiLineRule("/*", "*/", comment, (char) 0, true),
				new SingleLineRule("\"", "\"", string, '\\'), new WhitespaceRule(Character::isWhitespace), new NumberRule(number), words)
				.toArray(IRule[]::new));
		return scanner;
	}

	/** Names: a letter or _ first, then letters, digits, _ and - (at-boot, smmu-v3). */
	static final class Words implements IWordDetector {
		@Override
		public boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_' || c == '^';
		}

		@Override
		public boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '-';
		}
	}

	/** 0x1f_000, 512M, 4KiB, 4.19, 1920x1080, 5ms, 42. */
	static final class NumberRule implements IRule {
		private final IToken token;

		NumberRule(IToken token) {
			this.token = token;
		}

		@Override
		public IToken evaluate(ICharacterScanner s) {
			int c = s.read();
			if (c < '0' || c > '9') {
				s.unread();
				return Token.UNDEFINED;
			}
			c = s.read();
			if (c == 'x' || c == 'X') {
				// hex (0x1f_000) or a resolution (1920x1080)
				do c = s.read(); while (isHex(c) || c == '_');
				s.unread();
				return token;
			}
			while (c >= '0' && c <= '9' || c == '.') c = s.read();
			if (c == 'K' || c == 'M' || c == 'G' || c == 'T') {
				c = s.read();
				if (c == 'i') c = s.read();
				if (c == 'B') return token;
			}
			if (c == 'm' || c == 'u') {
				// a duration: 5ms, 500us
				if (s.read() == 's') return token;
				s.unread();
			}
			s.unread();
			return token;
		}

		private static boolean isHex(int c) {
			return Character.digit(c, 16) >= 0;
		}
	}
}
