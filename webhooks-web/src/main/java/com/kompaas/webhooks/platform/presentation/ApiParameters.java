package com.kompaas.webhooks.platform.presentation;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the whole-number and enum values of path and query parameters, so that a wrong one answers
 * {@code 400} naming the parameter. Left to themselves, JAX-RS implementations answer an unreadable
 * path or query value with a bare {@code 404} (and Jersey quietly uses the default for some), which
 * tells the client nothing. Enum values are read in any case ({@code ?status=failed}); a wrong one
 * is answered with the values there are.
 */
@Provider
public class ApiParameters implements ParamConverterProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = name(annotations);
    if (name == null) {
      return null;
    }
    boolean primitive = rawType.isPrimitive();
    String fallback = defaultValue(annotations);
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>)
          new Converter<>(
              name, primitive, fallback, v -> wholeNumber(name, v, Long.MIN_VALUE, Long.MAX_VALUE));
    }
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>)
          new Converter<>(
              name,
              primitive,
              fallback,
              v -> (int) wholeNumber(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
    if (rawType.isEnum()) {
      return new Converter(
          name, false, fallback, v -> constant((Class<? extends Enum>) rawType, name, v));
    }
    return null;
  }

  private static String name(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof PathParam p) {
        return p.value();
      }
      if (a instanceof QueryParam q) {
        return q.value();
      }
    }
    return null;
  }

  private static String defaultValue(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof DefaultValue d) {
        return d.value();
      }
    }
    return null;
  }

  static long wholeNumber(String name, String value, long min, long max) {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, with the name
    }
    throw ApiException.invalid(
        name,
        "must be a whole number from " + min + " to " + max + ", not '" + shortened(value) + "'");
  }

  static <E extends Enum<E>> E constant(Class<E> type, String name, String value) {
    return anyCase(type, value)
        .orElseThrow(() -> ApiException.invalid(name, notOneOf(type, value)));
  }

  /** The constant of {@code type} named {@code value} in any case, white space around it aside. */
  public static <E extends Enum<E>> Optional<E> anyCase(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equalsIgnoreCase(value.strip()))
        .findFirst();
  }

  /** What a client is told of a value that is none of the constants of {@code type}. */
  public static String notOneOf(Class<? extends Enum<?>> type, String value) {
    return "must be one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
        + " (in any case), not '"
        + shortened(value)
        + "'";
  }

  /** A client's value quoted back, but never a long one. */
  public static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private interface Parse<T> {
    T parse(String value);
  }

  /**
   * A blank value counts as absent: its default if it has one, else nothing, except that a
   * primitive cannot be nothing and must be sent.
   */
  private record Converter<T>(String name, boolean primitive, String fallback, Parse<T> parse)
      implements ParamConverter<T> {
    @Override
    public T fromString(String value) {
      if (value == null || value.isBlank()) {
        if (fallback != null && !fallback.isBlank()) {
          return parse.parse(fallback);
        }
        if (primitive) {
          throw ApiException.invalid(name, "is required");
        }
        return null;
      }
      return parse.parse(value);
    }

    @Override
    public String toString(T value) {
      return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }
  }
}
