package com.kompaas.webhooks.outbound.control;

import java.util.Arrays;
import java.util.List;

/**
 * The address guard refused a destination. The message names the address and the range it falls in,
 * and says how to allow it, because the person reading it is either a customer who typed an
 * internal URL or an operator setting up a local receiver. The code and arguments let the console
 * say the same in the reader's language (see {@code FieldError}).
 */
public class UnsafeAddressException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final List<String> args;

  /** A refusal the console shows in English only. */
  public UnsafeAddressException(String message) {
    this(null, message);
  }

  public UnsafeAddressException(String code, String message, Object... args) {
    super(message);
    this.code = code;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  /** A stable name of the refusal, such as {@code address.blocked}. */
  public String code() {
    return code;
  }

  public List<String> args() {
    return args;
  }
}
