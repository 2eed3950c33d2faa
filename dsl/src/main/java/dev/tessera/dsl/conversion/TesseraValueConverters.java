package dev.tessera.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

import dev.tessera.core.text.Sizes;

/** Turns the literals of the language into model values: sizes with units, hex addresses, on/off, v3. */
public class TesseraValueConverters extends DefaultTerminalConverters {

	@Inject
	private NameConverter nameConverter;

	@ValueConverter(rule = "HEX")
	public IValueConverter<Long> hex() {
		return new LongConverter(Sizes::hex);
	}

	@ValueConverter(rule = "DURATION_LITERAL")
	public IValueConverter<Long> durationLiteral() {
		return new DurationConverter();
	}

	@ValueConverter(rule = "Duration")
	public IValueConverter<Long> duration() {
		return new DurationConverter();
	}

	@ValueConverter(rule = "SIZE_LITERAL")
	public IValueConverter<Long> sizeLiteral() {
		return new LongConverter(Sizes::hex);
	}

	@ValueConverter(rule = "Address")
	public IValueConverter<Long> address() {
		return new LongConverter(Sizes::hex);
	}

	@ValueConverter(rule = "Hertz")
	public IValueConverter<Long> hertz() {
		// a rate reads back in decimal, as the device tree's clock-frequency is usually written
		return new LongConverter(String::valueOf);
	}

	@ValueConverter(rule = "Size")
	public IValueConverter<Long> size() {
		return new LongConverter(Sizes::hex);
	}

	@ValueConverter(rule = "Name")
	public IValueConverter<String> name() {
		return nameConverter;
	}

	@ValueConverter(rule = "GicVersion")
	public IValueConverter<Integer> gicVersion() {
		return new AbstractNullSafeConverter<>() {
			protected Integer internalToValue(String string, INode node) {
				return Integer.parseInt(string.trim().substring(1));
			}

			protected String internalToString(Integer value) {
				return "v" + value;
			}
		};
	}

	@ValueConverter(rule = "OnOff")
	public IValueConverter<Boolean> onOff() {
		return new AbstractNullSafeConverter<>() {
			protected Boolean internalToValue(String string, INode node) {
				return "on".equals(string.trim());
			}

			protected String internalToString(Boolean value) {
				return value ? "on" : "off";
			}
		};
	}

	/** 512M, 2G, 0x1000, 4096 → bytes; written back with the given format. */
	static final class LongConverter extends AbstractNullSafeConverter<Long> {
		private final java.util.function.LongFunction<String> format;

		LongConverter(java.util.function.LongFunction<String> format) {
			this.format = format;
		}

		protected Long internalToValue(String string, INode node) {
			try {
				return Sizes.parse(string);
			} catch (NumberFormatException | ArithmeticException e) {
				throw new ValueConverterException("'" + string.trim() + "' is not a number Tessera can hold", node, null);
			}
		}

		protected String internalToString(Long value) {
			return format.apply(value);
		}
	}

	/** 5ms, 500us → microseconds. */
	static final class DurationConverter extends AbstractNullSafeConverter<Long> {
		protected Long internalToValue(String string, INode node) {
			String t = string.trim();
			try {
				if (t.endsWith("ms")) return Math.multiplyExact(Long.parseLong(t.substring(0, t.length() - 2)), 1000L);
				if (t.endsWith("us")) return Long.parseLong(t.substring(0, t.length() - 2));
			} catch (NumberFormatException | ArithmeticException e) {
				// falls through
			}
			throw new ValueConverterException("'" + t + "' is not a time Tessera can hold: write it in ms or us (5ms, 500us)", node, null);
		}

		protected String internalToString(Long value) {
			return value % 1000 == 0 ? value / 1000 + "ms" : value + "us";
		}
	}

	/** A name is an ID (with the '^' escape for keywords) or a keyword used as a name. */
	static final class NameConverter extends AbstractNullSafeConverter<String> {
		protected String internalToValue(String string, INode node) {
			return string.startsWith("^") ? string.substring(1) : string;
		}

		protected String internalToString(String value) {
			return value;
		}
	}
}
