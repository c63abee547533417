package app.haven.shared.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Two rules for every value read from a request body, wherever it sits:
 * <ul>
 * <li>text may not contain the NUL character: PostgreSQL cannot store it (the write would fail as a
 * server error after validation passed), and no person types it;</li>
 * <li>a date or time is ISO-8601 text only. Jackson would otherwise read {@code 12.5} as 12.5
 * seconds after 1970 and {@code []} as no date at all, so a client's mistake would be stored as a
 * date nobody meant.</li>
 * </ul>
 * Either answers 400 naming the field.
 */
final class StrictValues {

    private StrictValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("haven-strict-values").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new NoNulText(deserializer);
                }
                return type.getPackageName().equals("java.time") ? new TimeAsTextOnly(deserializer) : deserializer;
            }
        });
    }

    private static final class NoNulText extends DelegatingDeserializer {

        NoNulText(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new NoNulText(delegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "must not contain the NUL character", text, String.class);
            }
            return value;
        }
    }

    private static final class TimeAsTextOnly extends DelegatingDeserializer {

        TimeAsTextOnly(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new TimeAsTextOnly(delegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(parser, handledType(),
                        "must be an ISO-8601 date or time in text, e.g. \"2026-11-21T10:00:00Z\"");
            }
            return super.deserialize(parser, context);
        }
    }
}
